import { describe, expect, it } from "vitest";
import { makeEvent, makeManager } from "../helpers/events";

const SANDBOX = "isandbox0000000000001";
const at = (time: string) => `2026-11-20T${time}Z`;

describe("an event for a sandbox the registry does not know", () => {
  it.each([
    ["created", "running"],
    ["updated", "running"],
    ["resumed", "running"],
    ["checkpointed", "running"],
    ["paused", "paused"],
  ] as const)("%s creates its entry as %s", async (type, state) => {
    const manager = makeManager();

    const result = await manager.apply(makeEvent(type, { sandboxId: SANDBOX }));

    expect(result.outcome).toBe("applied");
    expect(await manager.get(SANDBOX)).toMatchObject({
      sandboxId: SANDBOX,
      state,
    });
  });

  it("killed leaves no entry, only a tombstone", async () => {
    const manager = makeManager();

    const result = await manager.apply(
      makeEvent("killed", { sandboxId: SANDBOX }),
    );

    expect(result.outcome).toBe("applied");
    expect(await manager.get(SANDBOX)).toBeUndefined();
    expect(await manager.getTombstone(SANDBOX)).toMatchObject({
      state: "killed",
    });
  });

  it("records the identifiers and the event as the entry's latest", async () => {
    const manager = makeManager();
    const created = makeEvent("created", {
      at: at("10:00:00.123456789"),
      executionId: "exec-1",
      teamId: "team-1",
      templateId: "template-1",
      buildId: "build-1",
      data: { metadata: { project: "p" } },
    });

    await manager.apply(created);

    expect(await manager.get(created.sandboxId)).toEqual({
      sandboxId: created.sandboxId,
      state: "running",
      teamId: "team-1",
      templateId: "template-1",
      buildId: "build-1",
      executionId: "exec-1",
      metadata: { project: "p" },
      createdAt: at("10:00:00.123456789"),
      updatedAt: "2026-11-20T12:00:00.000Z",
      lastEventAt: at("10:00:00.123456789"),
      lastEventType: "sandbox.lifecycle.created",
      lastEventId: created.id,
      endAt: null,
      checkpointedAt: null,
      execution: null,
      networkEgress: null,
    });
  });
});

describe("killed", () => {
  it("removes the sandbox and leaves a tombstone with the kill's details", async () => {
    const manager = makeManager();
    await manager.apply(makeEvent("created", { at: at("10:00:00") }));
    const killed = makeEvent("killed", {
      at: at("10:30:00.5"),
      teamId: "team-1",
      templateId: "template-1",
      data: { killReason: "timeout" },
    });

    expect((await manager.apply(killed)).outcome).toBe("applied");

    expect(await manager.get(SANDBOX)).toBeUndefined();
    expect(await manager.list()).toEqual([]);
    expect(await manager.getTombstone(SANDBOX)).toEqual({
      sandboxId: SANDBOX,
      state: "killed",
      killedAt: at("10:30:00.5"),
      killReason: "timeout",
      eventId: killed.id,
      teamId: "team-1",
      templateId: "template-1",
    });
  });

  it.each([
    ["a later created", "created", "11:00:00"],
    ["a later resumed", "resumed", "11:00:00"],
    ["a later updated", "updated", "11:00:00"],
    ["an earlier paused", "paused", "10:10:00"],
    ["another killed", "killed", "11:00:00"],
  ])(
    "is terminal: %s is stale and brings nothing back",
    async (_n, type, time) => {
      const manager = makeManager();
      await manager.apply(makeEvent("killed", { at: at("10:30:00") }));

      const result = await manager.apply(makeEvent(type, { at: at(time) }));

      expect(result).toMatchObject({ outcome: "stale", reason: "killed" });
      expect(await manager.get(SANDBOX)).toBeUndefined();
    },
  );
});

describe("updated and checkpointed", () => {
  it("updated records the new end time and replaces the metadata", async () => {
    const manager = makeManager();
    await manager.apply(
      makeEvent("created", {
        at: at("10:00:00"),
        data: { metadata: { a: "1" } },
      }),
    );

    await manager.apply(
      makeEvent("updated", {
        at: at("10:00:01"),
        data: { metadata: { b: "2" }, setTimeout: at("10:30:01") },
      }),
    );

    expect(await manager.get(SANDBOX)).toMatchObject({
      state: "running",
      endAt: at("10:30:01"),
      metadata: { b: "2" },
    });
  });

  it.each(["created", "paused"] as const)(
    "checkpointed records its time and leaves a %s sandbox's state alone",
    async (first) => {
      const manager = makeManager();
      await manager.apply(makeEvent(first, { at: at("10:00:00") }));
      const before = await manager.get(SANDBOX);

      await manager.apply(
        makeEvent("checkpointed", { at: at("10:05:00.123456789") }),
      );

      expect(await manager.get(SANDBOX)).toMatchObject({
        state: before?.state,
        checkpointedAt: at("10:05:00.123456789"),
      });
    },
  );

  it("paused records the usage it reports", async () => {
    const manager = makeManager();
    const execution = { vcpuCount: 2, memoryMb: 512, executionTimeMs: 1000 };

    await manager.apply(makeEvent("paused", { data: { execution } }));

    expect((await manager.get(SANDBOX))?.execution).toEqual(execution);
  });
});

describe("types the registry does not act on", () => {
  it("are ignored, change nothing, and are not remembered as applied", async () => {
    const manager = makeManager();
    const unknown = makeEvent("sandbox.lifecycle.teleported");

    expect(await manager.apply(unknown)).toMatchObject({ outcome: "ignored" });
    expect(await manager.apply(unknown)).toMatchObject({ outcome: "ignored" });
    expect(await manager.list()).toEqual([]);
  });

  it("do not block a later event that reuses the id", async () => {
    const manager = makeManager();
    await manager.apply(makeEvent("sandbox.billing.charged", { id: "same" }));

    const result = await manager.apply(makeEvent("created", { id: "same" }));

    expect(result.outcome).toBe("applied");
  });
});
