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

    await store.write(checkpoint);
    const read = await new RedisCheckpointStore(
      redis,
      `${prefix}checkpoint`,
    ).read();
    await redis.set(`${prefix}checkpoint`, "{not json");

    expect(read).toEqual(checkpoint);
    expect(await store.read()).toBeNull();
  });
});
