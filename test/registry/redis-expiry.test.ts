import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { redisKeys } from "@/lib/redis/redis-keys";
import { RedisStore } from "@/lib/registry/redis-store";
import {
  deleteKeys,
  redisForTests,
  stopSpawnedRedis,
  uniquePrefix,
} from "../support/redis";
import { CONTEXT, lifecycleEvent as event } from "./events";

const TOMBSTONE_TTL_MS = 60_000;
const IDEMPOTENCY_TTL_MS = 120_000;
const SBX = "isbx000000000000000001";
const redis = await redisForTests();

describe.skipIf(!redis.ok)("what the Redis store lets expire", () => {
  const url = redis.ok ? redis.url : "";
  const prefix = uniquePrefix("expiry");
  const keys = redisKeys(prefix);
  const connection = new Redis(url);
  const store = new RedisStore({
    redis: new Redis(url),
    prefix,
    tombstoneTtlMs: TOMBSTONE_TTL_MS,
    idempotencyTtlMs: IDEMPOTENCY_TTL_MS,
  });

  afterAll(async () => {
    await store.close();
    connection.disconnect();
    await deleteKeys(url, prefix);
    await stopSpawnedRedis();
  });

  it("gives the applied event ids and the tombstone a TTL, and the entry none", async () => {
    await store.apply(event({ id: "e1" }), CONTEXT);
    const entryTtl = await connection.pttl(keys.sandbox(SBX));
    await store.apply(event({ id: "k", type: "killed", at: 10 }), CONTEXT);

    const seenTtl = await connection.pttl(keys.seen(SBX));
    const tombstoneTtl = await connection.pttl(keys.tombstone(SBX));

    expect(entryTtl).toBe(-1);
    expect(seenTtl).toBeGreaterThan(0);
    expect(seenTtl).toBeLessThanOrEqual(IDEMPOTENCY_TTL_MS);
    expect(tombstoneTtl).toBeGreaterThan(0);
    expect(tombstoneTtl).toBeLessThanOrEqual(TOMBSTONE_TTL_MS);
  });
});
