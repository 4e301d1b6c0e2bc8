import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { success } from "@/lib/e2b-api/api-result";
import { reconcile, type ReconcileDeps } from "@/lib/reconcile/reconcile";
import { RedisCheckpointStore } from "@/lib/reconcile/redis-checkpoint";
import { RedisReconcileLock } from "@/lib/reconcile/redis-lock";
import {
  deleteKeys,
  redisForTests,
  uniquePrefix,
  type RedisForTests,
} from "../support/redis";
import {
  eventRecord,
  minutesAgo,
  newManager,
  silentLogger,
  sleep,
  slowApi,
  DAY_MS,
} from "./helpers";

// Long enough that a loaded test machine renews in time (every 100 ms).
const TTL_MS = 300;

let found: RedisForTests;
let redis: Redis | undefined;
const prefix = uniquePrefix("reconcile-lease");

beforeAll(async () => {
  found = await redisForTests();
  if (found.ok) redis = new Redis(found.url, { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  redis?.disconnect();
  if (found.ok) await deleteKeys(found.url, prefix);
});

/** 100 events newest first, paged by offset as E2B's events API does. */
const RECORDS = Array.from({ length: 100 }, (_, i) =>
  eventRecord(
    "created",
    `iredis${String(i).padStart(15, "0")}`,
    minutesAgo(i + 1),
  ),
);
const eventsApi: ReconcileDeps["api"] = {
  listSandboxEvents: async ({ offset = 0, limit = 10 } = {}) =>
    success(RECORDS.slice(offset, offset + limit)),
};

function redisDeps(client: Redis, name: string): ReconcileDeps {
  return {
    api: eventsApi,
    manager: newManager(),
    checkpoints: new RedisCheckpointStore(client, `${prefix}${name}:cp`),
    lock: new RedisReconcileLock(client, `${prefix}${name}:lock`),
    logger: silentLogger(),
    lookbackMs: DAY_MS,
    lockTtlMs: TTL_MS,
    pageSize: 20,
  };
}

describe("a reconciliation holding the Redis lock", () => {
  it("renews the lease, so another replica cannot take it mid-run", async (context) => {
    if (!redis)
      return context.skip("no Redis for tests (reason printed above)");
    const deps = redisDeps(redis, "renewed");
    const otherReplica = new RedisReconcileLock(redis, `${prefix}renewed:lock`);
    const takenMidRun: unknown[] = [];
    // Ten pages at 150 ms each: about five TTLs.
    deps.api = slowApi(eventsApi, 150, async (page) => {
      if (page === 8) takenMidRun.push(await otherReplica.acquire(TTL_MS));
    });

    const result = await reconcile(deps);

    expect(takenMidRun).toEqual([null]);
    expect(result).toMatchObject({ ok: true, counts: { applied: 100 } });
    expect(await deps.checkpoints.read()).toMatchObject({
      eventId: RECORDS[0]?.id,
    });
    expect(await redis.exists(`${prefix}renewed:lock`)).toBe(0);
  });

  it("stops without moving the checkpoint once another replica holds the lock", async (context) => {
    if (!redis)
      return context.skip("no Redis for tests (reason printed above)");
    const client = redis;
    const deps = redisDeps(client, "lost");
    deps.api = slowApi(eventsApi, 0, async (page) => {
      if (page !== 2) return;
      // As if the lease had expired and another replica had taken the lock.
      await client.set(`${prefix}lost:lock`, "another-replica", "PX", 60_000);
      await sleep(TTL_MS / 2);
    });

    const result = await reconcile(deps);

    expect(result).toMatchObject({ ok: false, reason: "lock_lost" });
    expect(await deps.checkpoints.read()).toBeNull();
    expect(await client.get(`${prefix}lost:lock`)).toBe("another-replica");
  });
});
