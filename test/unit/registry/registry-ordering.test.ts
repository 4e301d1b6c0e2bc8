import { describe, expect, it } from "vitest";
import { DAY_MS, makeEvent, makeManager, NOW_MS } from "../helpers/events";

const SANDBOX = "isandbox0000000000001";
const at = (time: string) => `2026-11-20T${time}Z`;

describe("duplicates", () => {
  it("a second copy of an applied event is a duplicate and changes nothing", async () => {
    const manager = makeManager();
    const paused = makeEvent("paused", { at: at("10:00:00") });
    await manager.apply(paused);
    const before = await manager.get(SANDBOX);

    const result = await manager.apply({ ...paused });

    expect(result).toMatchObject({ outcome: "duplicate" });
    expect(await manager.get(SANDBOX)).toEqual(before);
  });

  it("an applied id is a duplicate even when the body around it differs", async () => {
    const manager = makeManager();
    await manager.apply(makeEvent("created", { id: "e1", at: at("10:00:00") }));

    const result = await manager.apply(
      makeEvent("paused", { id: "e1", at: at("10:05:00") }),
    );

    expect(result.outcome).toBe("duplicate");
    expect((await manager.get(SANDBOX))?.state).toBe("running");
  });

  it("concurrent copies of one event apply exactly once", async () => {
    const manager = makeManager();
    const created = makeEvent("created");
    let notified = 0;
    manager.on("*", () => void notified++);

    const results = await Promise.all(
      Array.from({ length: 50 }, () => manager.apply({ ...created })),
    );

    const outcomes = results.map((r) => r.outcome);
    expect(outcomes.filter((o) => o === "applied")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(49);
    expect(notified).toBe(1);
  });
});

describe("events out of order", () => {
  it("an event older than the newest applied one does not move state back", async () => {
    const manager = makeManager();
    await manager.apply(makeEvent("paused", { at: at("10:05:00") }));

    const result = await manager.apply(
      makeEvent("resumed", { at: at("10:04:59.999999999") }),
    );

    expect(result).toMatchObject({ outcome: "stale", reason: "superseded" });
    expect((await manager.get(SANDBOX))?.state).toBe("paused");
  });

  it("orders two events one nanosecond apart, in either arrival order", async () => {
    const paused = makeEvent("paused", { at: at("10:05:00.123456789") });
    const resumed = makeEvent("resumed", { at: at("10:05:00.12345679") });
    const forward = makeManager();
    const backward = makeManager();

    await forward.apply(paused);
    await forward.apply(resumed);
    await backward.apply(resumed);
    const late = await backward.apply(paused);

    expect((await forward.get(SANDBOX))?.state).toBe("running");
    expect((await backward.get(SANDBOX))?.state).toBe("running");
    expect(late.outcome).toBe("stale");
  });

  it("an older event may fill fields still unknown, and is still stale", async () => {
    const manager = makeManager();
    await manager.apply(makeEvent("paused", { at: at("10:30:00") }));
    let notified = 0;
    manager.on("*", () => void notified++);

    const result = await manager.apply(
      makeEvent("updated", {
        at: at("10:00:00"),
        teamId: "team-1",
        templateId: "template-1",
        buildId: "build-1",
        data: { setTimeout: at("10:30:00"), metadata: { a: "1" } },
      }),
    );

    expect(result).toMatchObject({ outcome: "stale", reason: "superseded" });
    expect(notified).toBe(0);
    expect(await manager.get(SANDBOX)).toMatchObject({
      state: "paused",
      teamId: "team-1",
      templateId: "template-1",
      buildId: "build-1",
      endAt: at("10:30:00"),
      metadata: { a: "1" },
      createdAt: at("10:00:00"),
      lastEventType: "sandbox.lifecycle.paused",
    });
  });

  it("an identifier once known is never replaced, by an older or a newer event", async () => {
    const manager = makeManager();
    await manager.apply(
      makeEvent("created", {
        at: at("10:00:00"),
        teamId: "team-1",
        buildId: "build-1",
      }),
    );

    await manager.apply(
      makeEvent("updated", { at: at("09:00:00"), teamId: "team-0" }),
    );
    await manager.apply(
      makeEvent("paused", { at: at("11:00:00"), buildId: "build-2" }),
    );

    expect(await manager.get(SANDBOX)).toMatchObject({
      teamId: "team-1",
      buildId: "build-1",
    });
  });

  it("an older event does not overwrite fields a newer one set", async () => {
    const manager = makeManager();
    await manager.apply(
      makeEvent("updated", {
        at: at("10:10:00"),
        data: { metadata: { v: "new" } },
      }),
    );

    await manager.apply(
      makeEvent("updated", {
        at: at("10:00:00"),
        data: { metadata: { v: "old" } },
      }),
    );

    expect((await manager.get(SANDBOX))?.metadata).toEqual({ v: "new" });
  });

  it("a newer paused after an older kill has no effect: killed stays terminal", async () => {
    const manager = makeManager();
    await manager.apply(makeEvent("paused", { at: at("10:40:00") }));

    await manager.apply(makeEvent("killed", { at: at("10:30:00") }));

    expect(await manager.get(SANDBOX)).toBeUndefined();
  });
});

describe("the replay guard", () => {
  const tooOld = new Date(NOW_MS - DAY_MS - 1).toISOString();
  const justInTime = new Date(NOW_MS - DAY_MS).toISOString();

  it("acknowledges an event older than the window as stale and applies nothing", async () => {
    const manager = makeManager();

    const result = await manager.apply(makeEvent("created", { at: tooOld }));

    expect(result).toMatchObject({ outcome: "stale", reason: "too_old" });
    expect(await manager.list()).toEqual([]);
  });

  it("applies an event exactly as old as the window", async () => {
    const manager = makeManager();

    const result = await manager.apply(
      makeEvent("created", { at: justInTime }),
    );

    expect(result.outcome).toBe("applied");
  });

  it("stops a replayed kill from leaving a tombstone", async () => {
    const manager = makeManager();

    await manager.apply(makeEvent("killed", { at: tooOld }));

    expect(await manager.getTombstone(SANDBOX)).toBeUndefined();
  });

  it("is skipped for a trusted apply, as for events fetched from E2B's API", async () => {
    const manager = makeManager();

    const result = await manager.apply(makeEvent("created", { at: tooOld }), {
      trusted: true,
    });

    expect(result.outcome).toBe("applied");
  });

  it("does not use up the id: the same event applies when trusted later", async () => {
    const manager = makeManager();
    const old = makeEvent("created", { at: tooOld });
    await manager.apply(old);

    const result = await manager.apply(old, { trusted: true });

    expect(result.outcome).toBe("applied");
  });

  it("is off when the window is null", async () => {
    const manager = makeManager({ maxEventAgeMs: null });

    const result = await manager.apply(
      makeEvent("created", { at: "2020-01-01T00:00:00Z" }),
    );

    expect(result.outcome).toBe("applied");
  });
});
