import fc from "fast-check";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { blankRecord, type SandboxRecord } from "@/lib/registry/sandbox";
import type { RegistryStore } from "@/lib/registry/store";
import type { TransitionContext } from "@/lib/registry/transition";
import { CONTEXT, lifecycleEvent as event, T0, type EventSpec } from "./events";

export interface StoreFactory {
  /** A store with nothing in it, of its own. */
  create(): Promise<RegistryStore>;
  /** Called once after the suite, to drop what the stores left behind. */
  cleanup?(): Promise<void>;
}

const SBX = "isbx000000000000000001";

/**
 * The registry's rule set, run against any store: memory and Redis must
 * pass the very same sentences.
 */
export function describeRegistryRules(name: string, factory: StoreFactory) {
  describe(`registry rules (${name} store)`, () => {
    let store: RegistryStore;
    const apply = (spec: EventSpec, context: TransitionContext = CONTEXT) =>
      store.apply(event(spec), context);

    beforeEach(async () => {
      store = await factory.create();
      return () => store.close();
    });
    afterAll(async () => factory.cleanup?.());

    it("leaves the entries out of the result when not asked for them", async () => {
      await apply({ id: "e1", data: { metadata: { owner: "ada" } } });
      const result = await store.apply(
        event({ id: "e2", type: "paused", at: 1 }),
        CONTEXT,
        { withEntries: false },
      );

      expect(result).toEqual({ outcome: "applied" });
      expect((await store.get(SBX))?.state).toBe("paused");
    });

    it("adds a running sandbox with the event's identifiers on created", async () => {
      const result = await apply({
        id: "e1",
        executionId: "x1",
        teamId: "team",
        templateId: "base",
        buildId: "b1",
        data: { metadata: { owner: "ada" } },
      });

      expect(result.outcome).toBe("applied");
      expect(result.previous).toBeUndefined();
      expect(await store.get(SBX)).toEqual(result.sandbox);
      expect(result.sandbox).toMatchObject({
        sandboxId: SBX,
        state: "running",
        executionId: "x1",
        teamId: "team",
        templateId: "base",
        buildId: "b1",
        metadata: { owner: "ada" },
        createdAt: "2026-11-20T10:00:00.000Z",
        updatedAt: new Date(CONTEXT.nowMs).toISOString(),
        lastEventId: "e1",
        lastEventType: "sandbox.lifecycle.created",
      });
    });

    it("reports a second copy of an event as a duplicate and changes nothing", async () => {
      await apply({ id: "e1" });
      const before = await store.get(SBX);

      const again = await apply({ id: "e1", type: "paused", at: 5 });

      expect(again).toEqual({
        outcome: "duplicate",
        reason: "already_applied",
      });
      expect(await store.get(SBX)).toEqual(before);
    });

    it("applies concurrent copies of one event exactly once", async () => {
      const copies = await Promise.all(
        Array.from({ length: 12 }, () => apply({ id: "e1" })),
      );

      const outcomes = copies.map((c) => c.outcome).sort();
      expect(outcomes.filter((o) => o === "applied")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(11);
    });

    it("acknowledges an unknown type, stores nothing and does not remember its id", async () => {
      const spec = { id: "e1", type: "sandbox.snapshot.taken" };

      expect(await apply(spec)).toEqual({
        outcome: "ignored",
        reason: "unknown_type",
      });
      expect(await apply(spec)).toMatchObject({ outcome: "ignored" });
      expect(await store.get(SBX)).toBeUndefined();
    });

    it("treats an unknown type reusing an applied id as a duplicate", async () => {
      await apply({ id: "e1" });

      const result = await apply({ id: "e1", type: "sandbox.snapshot.taken" });

      expect(result.outcome).toBe("duplicate");
    });

    it("pauses and resumes with the newer execution id", async () => {
      await apply({ id: "e1", executionId: "x1" });
      const paused = await apply({ id: "e2", type: "paused", at: 10 });
      const resumed = await apply({
        id: "e3",
        type: "resumed",
        at: 20,
        executionId: "x2",
      });

      expect(paused.sandbox?.state).toBe("paused");
      expect(resumed.previous?.state).toBe("paused");
      expect(resumed.sandbox).toMatchObject({
        state: "running",
        executionId: "x2",
      });
    });

    it("keeps the newer state when an older event arrives late", async () => {
      await apply({ id: "e2", type: "paused", at: 10, executionId: "x1" });

      const late = await apply({ id: "e1", at: 0, executionId: "x0" });

      expect(late).toMatchObject({ outcome: "stale", reason: "superseded" });
      expect(await store.get(SBX)).toMatchObject({
        state: "paused",
        executionId: "x1",
        lastEventId: "e2",
        createdAt: "2026-11-20T10:00:00.000Z",
      });
    });

    it("applies a late event that is still the newest word on the state", async () => {
      await apply({ id: "e1", type: "paused", at: 10, executionId: "x1" });
      await apply({
        id: "e3",
        type: "checkpointed",
        at: 30,
        executionId: "x2",
      });

      const resumed = await apply({
        id: "e2",
        type: "resumed",
        at: 20,
        executionId: "x2",
      });

      expect(resumed.outcome).toBe("applied");
      expect(resumed.previous?.state).toBe("paused");
      expect(resumed.sandbox).toMatchObject({
        state: "running",
        lastEventId: "e3",
      });
    });

    it("reports a late event that adds nothing as superseded and leaves the entry as it was", async () => {
      await apply({ id: "e1", at: 0, teamId: "team" });
      await apply({ id: "e2", type: "paused", at: 10 });
      const before = await store.get(SBX);

      const late = await apply({ id: "e3", type: "resumed", at: 5 });

      expect(late).toMatchObject({ outcome: "stale", reason: "superseded" });
      expect(late.previous).toEqual(before);
      expect(await store.get(SBX)).toEqual(before);
    });

    it("orders events by the full nanosecond timestamp", async () => {
      await apply({
        id: "b",
        type: "paused",
        at: "2026-11-20T10:00:01.000000002Z",
      });
      await apply({
        id: "a",
        type: "resumed",
        at: "2026-11-20T10:00:01.000000001Z",
      });

      expect((await store.get(SBX))?.state).toBe("paused");
    });

    it("breaks a timestamp tie by event id", async () => {
      const at = "2026-11-20T10:00:01.5Z";
      await apply({ id: "b", type: "paused", at });
      await apply({ id: "a", type: "resumed", at });

      expect((await store.get(SBX))?.state).toBe("paused");
    });

    it("keeps each field group last-writer-wins on its own, storing what an older event adds", async () => {
      const egress = {
        allowedCidrs: ["10.0.0.0/8"],
        deniedCidrs: [],
        allowedDomains: null,
      };
      await apply({ id: "e1" });
      await apply({
        id: "e3",
        type: "updated",
        at: 30,
        data: { setTimeout: "2026-11-20T11:00:00Z" },
      });
      const late = await apply({
        id: "e2",
        type: "updated",
        at: 20,
        data: { setTimeout: "2026-11-20T10:30:00Z", networkEgress: egress },
      });

      expect(late).toMatchObject({ outcome: "stale", reason: "superseded" });
      expect(await store.get(SBX)).toMatchObject({
        endAt: "2026-11-20T11:00:00Z",
        networkEgress: egress,
        lastEventId: "e3",
      });
    });

    it("records a checkpoint without changing the state", async () => {
      await apply({ id: "e1" });
      await apply({ id: "e2", type: "checkpointed", at: 5 });

      expect(await store.get(SBX)).toMatchObject({
        state: "running",
        checkpointedAt: "2026-11-20T10:00:05.000Z",
      });
    });

    it("keeps the latest execution summary of a pause", async () => {
      const usage = {
        startedAt: "2026-11-20T10:00:00Z",
        vcpuCount: 2,
        executionTimeMs: 1500,
      };
      await apply({ id: "e1" });
      await apply({
        id: "e2",
        type: "paused",
        at: 5,
        data: { execution: usage },
      });

      expect((await store.get(SBX))?.execution).toEqual(usage);
    });

    it("fills an identifier it lacked but never replaces one it had", async () => {
      await apply({ id: "e2", type: "paused", at: 10, teamId: "t1" });

      const late = await apply({
        id: "e1",
        at: 0,
        teamId: "t2",
        templateId: "base",
      });

      expect(late).toMatchObject({ outcome: "stale", reason: "superseded" });
      expect(await store.get(SBX)).toMatchObject({
        teamId: "t1",
        templateId: "base",
      });
    });

    it("removes a killed sandbox and keeps its tombstone", async () => {
      await apply({ id: "e1", teamId: "team", templateId: "base" });

      const killed = await apply({
        id: "e2",
        type: "killed",
        at: 10,
        data: { killReason: "timeout" },
      });

      expect(killed.outcome).toBe("applied");
      expect(killed.sandbox).toBeUndefined();
      expect(killed.previous?.sandboxId).toBe(SBX);
      const tombstone = {
        sandboxId: SBX,
        state: "killed",
        killedAt: "2026-11-20T10:00:10.000Z",
        killReason: "timeout",
        eventId: "e2",
        teamId: null,
        templateId: null,
      };
      expect(killed.tombstone).toEqual(tombstone);
      expect(await store.getTombstone(SBX)).toEqual(tombstone);
      expect(await store.get(SBX)).toBeUndefined();
    });

    it("refuses every later event for a killed sandbox, even an older one", async () => {
      await apply({ id: "k", type: "killed", at: 10 });

      const late = await apply({ id: "e1", at: 0 });
      const after = await apply({ id: "e2", type: "resumed", at: 20 });

      expect(late).toMatchObject({ outcome: "stale", reason: "killed" });
      expect(after).toMatchObject({ outcome: "stale", reason: "killed" });
      expect(await store.get(SBX)).toBeUndefined();
      expect(await apply({ id: "e1", at: 0 })).toMatchObject({
        outcome: "duplicate",
      });
    });

    it("refuses an event older than the replay window", async () => {
      const context = { nowMs: T0 + 7_200_000, maxEventAgeMs: 3_600_000 };

      const result = await apply({ id: "e1" }, context);

      expect(result).toEqual({ outcome: "stale", reason: "too_old" });
      expect(await store.get(SBX)).toBeUndefined();
    });

    it("does not remember a too-old event, so a trusted apply still goes through", async () => {
      const context = { nowMs: T0 + 7_200_000, maxEventAgeMs: 3_600_000 };
      await apply({ id: "e1" }, context);

      const trusted = await apply(
        { id: "e1" },
        { ...context, maxEventAgeMs: null },
      );

      expect(trusted.outcome).toBe("applied");
    });

    it("accepts an event of any age when the replay guard is off", async () => {
      const context = { nowMs: T0 + 7_200_000_000, maxEventAgeMs: null };

      expect((await apply({ id: "e1" }, context)).outcome).toBe("applied");
    });

    it("reaches the in-order entry from any delivery order", async () => {
      const specs: EventSpec[] = [
        {
          id: "e1",
          executionId: "x1",
          teamId: "t",
          data: { metadata: { a: "1" } },
        },
        {
          id: "e2",
          type: "updated",
          at: 5,
          data: { setTimeout: "2026-11-20T10:10:00Z" },
        },
        {
          id: "e3",
          type: "paused",
          at: 10,
          data: { execution: { memoryMb: 512 } },
        },
        { id: "e4", type: "resumed", at: 20, executionId: "x2" },
        { id: "e5", type: "checkpointed", at: 25 },
        { id: "e6", type: "updated", at: 30, data: { metadata: { a: "2" } } },
      ];
      for (const spec of specs) {
        await apply({
          ...spec,
          sandboxId: "in-order",
          id: `in-order:${spec.id}`,
        });
      }
      const expected = await store.get("in-order");
      let run = 0;

      await fc.assert(
        fc.asyncProperty(
          fc.shuffledSubarray(specs, { minLength: specs.length }),
          async (order) => {
            const sandboxId = `shuffled-${(run += 1)}`;
            for (const spec of order) {
              // Event ids are unique per sandbox, as E2B's are.
              const copy = {
                ...spec,
                sandboxId,
                id: `${sandboxId}:${spec.id}`,
              };
              await apply(copy);
              await apply(copy);
            }
            expect(await store.get(sandboxId)).toEqual({
              ...expected,
              sandboxId,
              lastEventId: `${sandboxId}:e6`,
            });
          },
        ),
        { numRuns: 25 },
      );
    });

    it("registers, lists, filters and removes entries the app created", async () => {
      await store.register(registration("a"));
      await store.register(registration("b", { state: "paused" }));

      expect((await store.list()).map((s) => s.sandboxId).sort()).toEqual([
        "a",
        "b",
      ]);
      expect(await store.list({ state: "paused" })).toEqual([
        expect.objectContaining({ sandboxId: "b" }),
      ]);
      expect(await store.get("a")).not.toHaveProperty("clocks");
      expect(await store.remove("a")).toBe(true);
      expect(await store.remove("a")).toBe(false);
      expect(await store.get("a")).toBeUndefined();
    });

    it("adds an unknown sandbox on register, as the app described it", async () => {
      const result = await store.register(
        registration(SBX, { state: "paused", teamId: "team" }),
      );

      const { clocks: _clocks, ...sandbox } = registration(SBX, {
        state: "paused",
        teamId: "team",
      });
      expect(result).toEqual({ ok: true, created: true, sandbox });
      expect(await store.get(SBX)).toEqual(sandbox);
    });

    it("keeps what created and paused events recorded when the app registers afterwards", async () => {
      await apply({
        id: "e1",
        executionId: "x1",
        teamId: "team",
        templateId: "base",
        buildId: "b1",
        data: { metadata: { owner: "ada" } },
      });
      await apply({ id: "e2", type: "paused", at: 10 });
      const before = await store.get(SBX);

      const result = await store.register(
        registration(SBX, {
          teamId: "other-team",
          executionId: "x-app",
          metadata: { from: "app" },
        }),
      );

      expect(result).toEqual({ ok: true, created: false, sandbox: before });
      expect(await store.get(SBX)).toEqual(before);
      expect(before).toMatchObject({ state: "paused", executionId: "x1" });
      expect(await apply({ id: "e2", type: "paused", at: 10 })).toMatchObject({
        outcome: "duplicate",
      });
      // The ordering keys survive: an event older than the pause is stale.
      expect(await apply({ id: "e3", type: "resumed", at: 5 })).toMatchObject({
        outcome: "stale",
        reason: "superseded",
      });
      expect(await store.get(SBX)).toEqual(before);
    });

    it("fills only what events left unknown when the app registers afterwards", async () => {
      await apply({ id: "e1", teamId: "team" });
      const before = await store.get(SBX);

      const result = await store.register(
        registration(SBX, {
          state: "paused",
          teamId: "other-team",
          templateId: "base",
          metadata: { from: "app" },
        }),
      );

      const filled = {
        ...before,
        templateId: "base",
        metadata: { from: "app" },
        updatedAt: REGISTERED_AT,
      };
      expect(result).toEqual({ ok: true, created: false, sandbox: filled });
      expect(await store.get(SBX)).toEqual(filled);
    });

    it("ends in the same entry whether the app registers before or after the events", async () => {
      const events: EventSpec[] = [
        { id: "e1", executionId: "x1", data: { metadata: { owner: "ada" } } },
        { id: "e2", type: "paused", at: 10 },
      ];
      const app = { teamId: "team", templateId: "base", executionId: "x0" };
      await store.register(registration("first", app));
      for (const spec of events) await apply({ ...spec, sandboxId: "first" });
      for (const spec of events) await apply({ ...spec, sandboxId: "last" });
      await store.register(registration("last", app));

      const { updatedAt: _a, ...first } = (await store.get("first")) ?? {};
      const { updatedAt: _b, ...last } = (await store.get("last")) ?? {};
      expect(last).toEqual({ ...first, sandboxId: "last" });
    });

    it("refuses to register a killed sandbox and keeps it killed", async () => {
      await apply({ id: "e1" });
      const killed = await apply({ id: "k", type: "killed", at: 10 });

      const result = await store.register(registration(SBX));

      expect(result).toEqual({
        ok: false,
        reason: "killed",
        tombstone: killed.tombstone,
      });
      expect(await store.get(SBX)).toBeUndefined();
      expect(await apply({ id: "e2", type: "resumed", at: 20 })).toMatchObject({
        outcome: "stale",
        reason: "killed",
      });
    });

    it("lets later events update a registered entry under the usual rules", async () => {
      await store.register(registration(SBX, { teamId: "app-team" }));

      const paused = await apply({
        id: "e1",
        type: "paused",
        at: 5,
        teamId: "t",
        executionId: "x1",
      });
      const resumed = await apply({ id: "e2", type: "resumed", at: 20 });

      expect(paused.outcome).toBe("applied");
      expect(paused.sandbox).toMatchObject({
        state: "paused",
        teamId: "app-team",
        executionId: "x1",
        createdAt: "2026-11-20T10:00:05.000Z",
        lastEventId: "e1",
      });
      expect(resumed.sandbox?.state).toBe("running");
    });

    it("keeps a sandbox whose id holds braces like any other", async () => {
      const sandboxId = "}{odd}";
      await apply({ id: "e1", sandboxId });
      await apply({ id: "e1", sandboxId: "odd" });

      expect((await store.get(sandboxId))?.sandboxId).toBe(sandboxId);
      expect((await store.list()).map((s) => s.sandboxId).sort()).toEqual([
        "odd",
        sandboxId,
      ]);
      await apply({ id: "k", sandboxId, type: "killed", at: 10 });
      expect(await store.getTombstone(sandboxId)).toMatchObject({ sandboxId });
      expect(await store.get("odd")).toBeDefined();
      expect(await apply({ id: "k", sandboxId })).toMatchObject({
        outcome: "duplicate",
      });
    });

    it("answers a ping while it is reachable", async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

const REGISTERED_AT = "2026-11-20T09:00:00.000Z";

/** The record `SandboxManager.register` hands its store. */
function registration(
  sandboxId: string,
  fields: Partial<SandboxRecord> = {},
): SandboxRecord {
  return {
    ...blankRecord(sandboxId, REGISTERED_AT, REGISTERED_AT),
    ...fields,
  };
}
