import { FIXTURE, FIXTURE_IDS, readFixture } from "./fixtures";
import { randomSandboxId } from "./ids";
import { eventTimeMs, rewriteBody } from "./rewrite-body";

/** The setup guide's event labels, in lifecycle order. */
export const LEGACY_LABELS = [
  "create",
  "update",
  "pause",
  "resume",
  "kill",
] as const;

export type LegacyLabel = (typeof LEGACY_LABELS)[number];

/** Bodies in the setup guide's legacy shape for one sandbox. */
export interface LegacySandbox {
  sandboxId: string;
  /** The body for a label, with its `timestamp` at `atMs`. */
  body(label: LegacyLabel, atMs: number): string;
}

/**
 * Setup-guide bodies for a fresh sandbox. The guide ships only `create` and
 * `kill` examples; the other labels reuse the `create` body with its label
 * swapped, which is all that tells them apart in this shape.
 */
export function legacySandbox(sandboxId = randomSandboxId()): LegacySandbox {
  return {
    sandboxId,
    body(label, atMs) {
      const fixture = readFixture(
        label === "kill" ? FIXTURE.legacy.kill : FIXTURE.legacy.create,
      );
      return rewriteBody(fixture, {
        shiftSeconds: Math.floor((atMs - eventTimeMs(fixture)) / 1000),
        replace: { [FIXTURE_IDS.legacySandbox]: sandboxId, create: label },
      });
    },
  };
}
