import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SandboxEvent } from "@/lib/events/event";
import { MemoryCheckpointStore } from "@/lib/reconcile/checkpoint";
import { LeaseKeeper } from "@/lib/reconcile/lease-keeper";
import type { LockLease } from "@/lib/reconcile/lock";
import { MemoryReconcileLock } from "@/lib/reconcile/lock";
import { reconcile } from "@/lib/reconcile/reconcile";
import type { SandboxManager } from "@/lib/registry/sandbox-manager";
import { startFakeE2bApi, type FakeE2bApi } from "../support/fake-e2b-api";
import {
  eventOffsets,
  eventRecord,
  minutesAgo,
  newManager,
  reconcileDeps,
  silentLogger,
  sleep,
  slowApi,
} from "./helpers";

// Long enough that a loaded test machine renews in time (every 100 ms).
const TTL_MS = 300;

let fake: FakeE2bApi;
let manager: SandboxManager;
let applied: SandboxEvent[];

beforeEach(async () => {
  fake = await startFakeE2bApi();
  manager = newManager();
  applied = [];
  manager.on("*", ({ event }) => void applied.push(event));
  fake.addEvents(
    ...Array.from({ length: 100 }, (_, i) =>
      eventRecord(
        "created",
        `ilease${String(i).padStart(15, "0")}`,
        minutesAgo(100 - i),
      ),
    ),
  );
});
afterEach(() => fake.close());

/** A clock for the lock that a test can move past a lease's expiry. */
function skewedClock() {
  let skewMs = 0;
  return {
    now: () => Date.now() + skewMs,
    expireLeases: () => void (skewMs += TTL_MS + 1),
  };
}

describe("the reconcile lock during a long run", () => {
  it("renews the lease, so no one else takes the lock before the run ends", async () => {
    const lock = new MemoryReconcileLock();
    const checkpoints = new MemoryCheckpointStore();
    const takenMidRun: unknown[] = [];
    const deps = reconcileDeps(fake, manager, { lock, checkpoints });
    // Ten pages of 20 at 150 ms each: about five TTLs.
    deps.api = slowApi(deps.api, 150, async (page) => {
      if (page === 8) takenMidRun.push(await lock.acquire(TTL_MS));
    });

    const result = await reconcile({
      ...deps,
      lockTtlMs: TTL_MS,
      pageSize: 20,
    });

    expect(takenMidRun).toEqual([null]);
    expect(result).toMatchObject({ ok: true, counts: { applied: 100 } });
    expect(await checkpoints.read()).not.toBeNull();
    expect(await lock.acquire(TTL_MS)).not.toBeNull();
  });

  it("stops paging once another replica took the expired lock, and keeps the checkpoint", async () => {
    const clock = skewedClock();
    const lock = new MemoryReconcileLock(clock.now);
    const checkpoints = new MemoryCheckpointStore();
    const deps = reconcileDeps(fake, manager, { lock, checkpoints });
    deps.api = slowApi(deps.api, 0, async (page) => {
      if (page !== 2) return;
      clock.expireLeases();
      await lock.acquire(TTL_MS);
      await sleep(TTL_MS / 2);
    });

    const result = await reconcile({
      ...deps,
      lockTtlMs: TTL_MS,
      pageSize: 20,
    });

    expect(result).toMatchObject({ ok: false, reason: "lock_lost" });
    expect(eventOffsets(fake)).toEqual([0, 10]);
    expect(applied).toHaveLength(0);
    expect(await checkpoints.read()).toBeNull();
    // Releasing the lost lease left the new holder's lock alone.
    expect(await lock.acquire(TTL_MS)).toBeNull();
  });

  it("applies no more and keeps the checkpoint when the lease is lost after reading", async () => {
    const clock = skewedClock();
    const lock = new MemoryReconcileLock(clock.now);
    const checkpoints = new MemoryCheckpointStore();
    const deps = reconcileDeps(fake, manager, { lock, checkpoints });
    deps.api = slowApi(deps.api, 0, async () => {
      clock.expireLeases();
      await lock.acquire(TTL_MS);
      await sleep(TTL_MS / 2);
    });

    // One page reaches back past a 50-minute lookback: reading ends there.
    const result = await reconcile({
      ...deps,
      lockTtlMs: TTL_MS,
      lookbackMs: 50 * 60_000,
    });

    expect(eventOffsets(fake)).toEqual([0]);
    expect(result).toMatchObject({ ok: false, reason: "lock_lost" });
    expect(applied).toHaveLength(0);
    expect(await checkpoints.read()).toBeNull();
  });
});

describe("the in-memory checkpoint", () => {
  const at = (minute: number) => ({
    eventId: `e${minute}`,
    timeKey: `2026-11-20T10:${String(minute).padStart(2, "0")}:00.000000000Z`,
    epochMs: Date.UTC(2026, 10, 20, 10, minute),
  });

  it("only moves forward, so a slower run cannot move it back", async () => {
    const store = new MemoryCheckpointStore();

    const first = await store.advance(at(10));
    const older = await store.advance(at(5));
    const same = await store.advance({ ...at(10), eventId: "other" });
    const newer = await store.advance(at(20));

    expect([first, older, same, newer]).toEqual([true, false, false, true]);
    expect(await store.read()).toEqual(at(20));
  });
});

describe("the in-memory lock's renewal", () => {
  it("extends a held lease and refuses one that expired", async () => {
    let now = 0;
    const lock = new MemoryReconcileLock(() => now);
    const lease = await lock.acquire(1_000);

    now = 900;
    const renewed = await lease?.renew(1_000);
    now = 1_800;
    const stillHeld = await lock.acquire(1_000);
    now = 3_000;
    const afterExpiry = await lease?.renew(1_000);

    expect(renewed).toBe(true);
    expect(stillHeld).toBeNull();
    expect(afterExpiry).toBe(false);
  });
});

describe("keeping a lease while the lock's store is unreachable", () => {
  function leaseRenewing(answers: (boolean | Error)[]): LockLease {
    return {
      renew: async () => {
        const answer = answers.shift() ?? true;
        if (answer instanceof Error) throw answer;
        return answer;
      },
      release: async () => {},
    };
  }

  it("counts the lease lost once no renewal succeeded for a whole TTL", async () => {
    const down = Array.from({ length: 10 }, () => new Error("ECONNREFUSED"));
    const keeper = new LeaseKeeper(
      leaseRenewing(down),
      TTL_MS,
      silentLogger(),
      Date.now(),
    );

    await sleep(TTL_MS / 2);
    const early = keeper.lost;
    await sleep(TTL_MS);
    keeper.stop();

    expect(early).toBe(false);
    expect(keeper.lost).toBe(true);
    expect(keeper.lossReason).toContain("no renewal succeeded");
  });

  it("keeps the lease when a renewal fails once and the next succeeds", async () => {
    const keeper = new LeaseKeeper(
      leaseRenewing([new Error("ECONNRESET")]),
      TTL_MS,
      silentLogger(),
      Date.now(),
    );

    await sleep(TTL_MS * 2);
    keeper.stop();

    expect(keeper.lost).toBe(false);
  });
});
