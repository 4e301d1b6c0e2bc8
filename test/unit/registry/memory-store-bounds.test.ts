import { describe, expect, it } from "vitest";
import { MemoryStore } from "@/lib/registry/memory-store";
import { blankRecord } from "@/lib/registry/sandbox";
import {
  CONTEXT,
  lifecycleEvent as event,
  type EventSpec,
} from "../../registry/events";

const TTL_MS = 60_000;

/** A memory store on a clock the test moves by hand. */
function storeOnClock(bounds: { tombstones?: number; ids?: number } = {}) {
  let nowMs = 1_000;
  const store = new MemoryStore({
    tombstoneTtlMs: TTL_MS,
    tombstoneMaxEntries: bounds.tombstones ?? 100,
    idempotencyTtlMs: TTL_MS,
    idempotencyMaxEntries: bounds.ids ?? 100,
    now: () => nowMs,
  });
  return {
    store,
    apply: (spec: EventSpec) => store.apply(event(spec), CONTEXT),
    advance: (ms: number) => void (nowMs += ms),
  };
}

describe("the memory store's bounds", () => {
  it("keeps a tombstone for the TTL and forgets it after", async () => {
    const { store, apply, advance } = storeOnClock();
    await apply({ id: "k", type: "killed" });

    advance(TTL_MS - 1);
    expect(await store.getTombstone("isbx000000000000000001")).toBeDefined();
    expect(await apply({ id: "e1", type: "resumed", at: 5 })).toMatchObject({
      outcome: "stale",
      reason: "killed",
    });

    advance(2);
    expect(await store.getTombstone("isbx000000000000000001")).toBeUndefined();
  });

  it("treats the id of an expired tombstone as a new sandbox", async () => {
    const { store, apply, advance } = storeOnClock();
    await apply({ id: "k-a", sandboxId: "ia", type: "killed" });
    await apply({ id: "k-b", sandboxId: "ib", type: "killed" });
    advance(TTL_MS + 1);

    const late = await apply({ id: "e2", sandboxId: "ia", type: "resumed" });
    const registered = await store.register(blankRecord("ib", "t", "t"));

    expect(late).toMatchObject({
      outcome: "applied",
      sandbox: { sandboxId: "ia", state: "running" },
    });
    expect(registered).toMatchObject({ ok: true, created: true });
  });

  it("forgets an applied event id after the TTL", async () => {
    const { apply, advance } = storeOnClock();
    await apply({ id: "e1", sandboxId: "ia" });

    advance(TTL_MS - 1);
    expect((await apply({ id: "e1", sandboxId: "ia" })).outcome).toBe(
      "duplicate",
    );

    advance(2);
    expect(await apply({ id: "e1", sandboxId: "ia" })).toMatchObject({
      outcome: "stale",
      reason: "superseded",
    });
  });

  it("drops the oldest tombstone beyond its maximum", async () => {
    const { store, apply } = storeOnClock({ tombstones: 2 });

    for (const sandboxId of ["ia", "ib", "ic"]) {
      await apply({ id: `k-${sandboxId}`, sandboxId, type: "killed" });
    }

    expect(await store.getTombstone("ia")).toBeUndefined();
    expect(await store.getTombstone("ib")).toBeDefined();
    expect(await store.getTombstone("ic")).toBeDefined();
  });

  it("drops the oldest event id beyond its maximum", async () => {
    const { apply } = storeOnClock({ ids: 2 });

    for (const sandboxId of ["ia", "ib", "ic"]) {
      await apply({ id: "e1", sandboxId });
    }

    expect((await apply({ id: "e1", sandboxId: "ic" })).outcome).toBe(
      "duplicate",
    );
    expect((await apply({ id: "e1", sandboxId: "ib" })).outcome).toBe(
      "duplicate",
    );
    expect(await apply({ id: "e1", sandboxId: "ia" })).toMatchObject({
      outcome: "stale",
      reason: "superseded",
    });
  });
});
