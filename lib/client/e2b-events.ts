import { FIXTURE, FIXTURE_IDS, readFixture } from "./fixtures";
import { randomId, randomSandboxId } from "./ids";
import { eventTimeMs, rewriteBody } from "./rewrite-body";

/** The six lifecycle steps of E2B's fixtures, in the order they happen. */
export type E2bStep = keyof typeof FIXTURE.e2b;

export const E2B_STEPS = Object.keys(FIXTURE.e2b) as E2bStep[];

export interface E2bSandboxOptions {
  /** When its `created` event happens; the other steps keep their spacing. */
  startMs: number;
  sandboxId?: string;
  /** More string values to swap, such as metadata. */
  replace?: Record<string, string>;
}

/** Bodies in E2B's current snake_case shape for one sandbox. */
export interface E2bSandbox {
  sandboxId: string;
  /**
   * A new event for a step (fresh event id on every call), at its place in
   * the lifecycle or at `atMs`.
   */
  body(step: E2bStep, atMs?: number): string;
}

/**
 * E2B's lifecycle fixtures retold for a fresh sandbox: its own sandbox and
 * execution ids, fresh event ids, and times moved to `startMs`.
 *
 * @example
 * const sandbox = e2bSandbox({ startMs: Date.now() - 3_600_000 });
 * const created = sandbox.body("created");
 */
export function e2bSandbox(options: E2bSandboxOptions): E2bSandbox {
  const sandboxId = options.sandboxId ?? randomSandboxId();
  const ids: Record<string, string> = {
    [FIXTURE_IDS.e2bSandbox]: sandboxId,
    ...Object.fromEntries(
      FIXTURE_IDS.e2bExecutions.map((id) => [id, randomId()]),
    ),
    ...options.replace,
  };
  const created = eventTimeMs(readFixture(FIXTURE.e2b.created));
  const shiftSeconds = Math.floor((options.startMs - created) / 1000);

  return {
    sandboxId,
    body(step, atMs) {
      const fixture = readFixture(FIXTURE.e2b[step]);
      const shift =
        atMs === undefined
          ? shiftSeconds
          : Math.floor((atMs - eventTimeMs(fixture)) / 1000);
      return rewriteBody(fixture, {
        shiftSeconds: shift,
        replace: { ...ids, [eventIdOf(fixture)]: randomId() },
      });
    },
  };
}

function eventIdOf(fixture: string): string {
  const parsed = JSON.parse(fixture) as { id?: unknown };
  if (typeof parsed.id !== "string") {
    throw new Error(`fixture has no event id: ${fixture.slice(0, 80)}`);
  }

  return parsed.id;
}
