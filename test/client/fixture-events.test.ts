import { describe, expect, it } from "vitest";
import { E2B_STEPS, e2bSandbox } from "@/lib/client/e2b-events";
import { FIXTURE, FIXTURE_IDS, readFixture } from "@/lib/client/fixtures";
import { LEGACY_LABELS, legacySandbox } from "@/lib/client/legacy-events";
import { eventTimeMs } from "@/lib/client/rewrite-body";
import { normaliseEvent } from "@/lib/events/normalise";

const START = Date.UTC(2031, 4, 6, 8, 0, 0);
const fixtureIds = [
  FIXTURE_IDS.e2bSandbox,
  FIXTURE_IDS.legacySandbox,
  ...FIXTURE_IDS.e2bExecutions,
];

function normalise(body: string) {
  const result = normaliseEvent(JSON.parse(body), Buffer.from(body), START);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.event;
}

describe("e2bSandbox", () => {
  const sandbox = e2bSandbox({ startMs: START });

  it.each(E2B_STEPS)(
    "tells %s for a fresh sandbox in the fixture's key order",
    (step) => {
      const body = sandbox.body(step);
      const fixture = readFixture(FIXTURE.e2b[step]);

      expect(Object.keys(JSON.parse(body))).toEqual(
        Object.keys(JSON.parse(fixture)),
      );
      expect(fixtureIds.some((id) => body.includes(id))).toBe(false);
      expect(normalise(body)).toMatchObject({
        type: `sandbox.lifecycle.${step}`,
        sandboxId: sandbox.sandboxId,
        shape: "e2b",
      });
    },
  );

  it("starts at startMs and keeps the fixtures' spacing", () => {
    const created = eventTimeMs(sandbox.body("created"));
    const killed = eventTimeMs(sandbox.body("killed"));
    const fixtureSpan =
      eventTimeMs(readFixture(FIXTURE.e2b.killed)) -
      eventTimeMs(readFixture(FIXTURE.e2b.created));

    expect(created).toBeLessThanOrEqual(START);
    expect(created).toBeGreaterThan(START - 1000);
    expect(killed - created).toBe(fixtureSpan);
  });

  it("gives a new event id on every call and keeps the sandbox's ids", () => {
    const first = normalise(sandbox.body("updated"));
    const second = normalise(sandbox.body("updated"));

    expect(second.id).not.toBe(first.id);
    expect(second.executionId).toBe(first.executionId);
    expect(second.sandboxId).toBe(first.sandboxId);
  });

  it("places an event in the second before the time asked for", () => {
    const at = START + 123_456;
    const time = eventTimeMs(sandbox.body("updated", at));

    expect(time).toBeLessThanOrEqual(at);
    expect(time).toBeGreaterThan(at - 1000);
  });

  it("gives each sandbox its own ids", () => {
    const other = e2bSandbox({ startMs: START });

    expect(other.sandboxId).not.toBe(sandbox.sandboxId);
    expect(other.sandboxId).toMatch(/^i[a-z0-9]{20}$/);
    expect(normalise(other.body("resumed")).executionId).not.toBe(
      normalise(sandbox.body("resumed")).executionId,
    );
  });
});

describe("legacySandbox", () => {
  const sandbox = legacySandbox();

  it.each(LEGACY_LABELS)("tells %s in the setup guide's shape", (label) => {
    const body = sandbox.body(label, START);

    expect(eventTimeMs(body)).toBeLessThanOrEqual(START);
    expect(eventTimeMs(body)).toBeGreaterThan(START - 1000);
    expect(body).not.toContain(FIXTURE_IDS.legacySandbox);
    expect(normalise(body)).toMatchObject({
      type: expect.stringMatching(/^sandbox\.lifecycle\./),
      sandboxId: sandbox.sandboxId,
      shape: "legacy",
    });
    expect(JSON.parse(body)).toMatchObject({ eventLabel: label });
  });

  it("keeps the guide's pretty-printed layout", () => {
    const body = sandbox.body("create", START);

    expect(body.split("\n").length).toBe(
      readFixture(FIXTURE.legacy.create).split("\n").length,
    );
  });
});
