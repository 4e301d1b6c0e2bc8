import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisCheckpointStore } from "@/lib/reconcile/redis-checkpoint";
import { RedisReconcileLock } from "@/lib/reconcile/redis-lock";
import {
  deleteKeys,
  redisForTests,
  uniquePrefix,
  type RedisForTests,
} from "../support/redis";

let found: RedisForTests;
let redis: Redis | undefined;
const prefix = uniquePrefix("reconcile");

beforeAll(async () => {
  found = await redisForTests();
  if (found.ok) redis = new Redis(found.url, { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  redis?.disconnect();
  if (found.ok) await deleteKeys(found.url, prefix);
});

describe("the Redis reconcile lock and checkpoint", () => {
  it("lets one replica at a time hold the lock", async (context) => {
    if (!redis)
      return context.skip("no Redis for tests (reason printed above)");
    const a = new RedisReconcileLock(redis, `${prefix}lock`);
    const b = new RedisReconcileLock(redis, `${prefix}lock`);

    const first = await a.acquire(60_000);
    const second = await b.acquire(60_000);
    await first?.release();
    const third = await b.acquire(60_000);
    await third?.release();

    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect(third).not.toBeNull();
  });

  it("expires a lease its holder never released", async (context) => {
    if (!redis)
      return context.skip("no Redis for tests (reason printed above)");
    const lock = new RedisReconcileLock(redis, `${prefix}expiring`);

    const first = await lock.acquire(50);
    await new Promise((resolve) => setTimeout(resolve, 120));
    const second = await lock.acquire(60_000);
    await first?.release();
    const third = await lock.acquire(60_000);

    expect(second).not.toBeNull();
    expect(third).toBeNull();
  });

  it("shares the checkpoint and ignores a corrupt value", async (context) => {
    if (!redis)
      return context.skip("no Redis for tests (reason printed above)");
    const store = new RedisCheckpointStore(redis, `${prefix}checkpoint`);
    const checkpoint = {
      eventId: "e1",
      timeKey: "2026-11-20T10:00:00.000000000Z",
      epochMs: Date.UTC(2026, 10, 20, 10),
    };

    await store.advance(checkpoint);
    const read = await new RedisCheckpointStore(
      redis,
      `${prefix}checkpoint`,
    ).read();
    await redis.set(`${prefix}checkpoint`, "{not json");

    expect(read).toEqual(checkpoint);
    expect(await store.read()).toBeNull();
  });

  it("moves the checkpoint only forward, replacing a corrupt value", async (context) => {
    if (!redis)
      return context.skip("no Redis for tests (reason printed above)");
    const key = `${prefix}forward`;
    const store = new RedisCheckpointStore(redis, key);
    const at = (minute: number) => ({
      eventId: `e${minute}`,
      timeKey: `2026-11-20T10:${String(minute).padStart(2, "0")}:00.000000000Z`,
      epochMs: Date.UTC(2026, 10, 20, 10, minute),
    });

    await redis.set(key, "{not json");
    const overCorrupt = await store.advance(at(10));
    const older = await store.advance(at(5));
    const same = await store.advance({ ...at(10), eventId: "other" });
    const newer = await store.advance(at(20));

    expect([overCorrupt, older, same, newer]).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(await store.read()).toEqual(at(20));
    expect(await redis.pttl(key)).toBeGreaterThan(86_400_000);
  });

  it("renews a held lease, and neither renews nor releases a lock taken over", async (context) => {
    if (!redis)
      return context.skip("no Redis for tests (reason printed above)");
    const key = `${prefix}renewed`;
    const lease = await new RedisReconcileLock(redis, key).acquire(1_000);

    const renewed = await lease?.renew(60_000);
    const ttlAfterRenewal = await redis.pttl(key);
    await redis.set(key, "another-replica", "PX", 5_000);
    const renewedAfterTakeover = await lease?.renew(60_000);
    await lease?.release();

    expect(renewed).toBe(true);
    expect(ttlAfterRenewal).toBeGreaterThan(30_000);
    expect(renewedAfterTakeover).toBe(false);
    expect(await redis.get(key)).toBe("another-replica");
    expect(await redis.pttl(key)).toBeLessThanOrEqual(5_000);
  });
});
