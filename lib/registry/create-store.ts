import type { Redis } from "ioredis";
import type { Config } from "../config/config";
import { MemoryStore } from "./memory-store";
import { RedisStore } from "./redis-store";
import type { RegistryStore } from "./store";

type StoreConfig = Pick<
  Config,
  | "redis"
  | "maxEventAgeMs"
  | "tombstoneTtlMs"
  | "tombstoneMaxEntries"
  | "idempotencyMaxEntries"
>;

/**
 * The registry's store for this configuration: Redis, shared by replicas,
 * when a connection is given (`REDIS_URL`), else process memory.
 */
export function createStore(
  config: StoreConfig,
  redis: Redis | null,
): RegistryStore {
  // An event id is remembered for as long as the event could still be
  // accepted, and as long as the tombstone it may be checked against.
  const idempotencyTtlMs = Math.max(
    config.maxEventAgeMs ?? 0,
    config.tombstoneTtlMs,
  );
  if (redis && config.redis) {
    return new RedisStore({
      redis,
      prefix: config.redis.prefix,
      tombstoneTtlMs: config.tombstoneTtlMs,
      idempotencyTtlMs,
    });
  }

  return new MemoryStore({
    tombstoneTtlMs: config.tombstoneTtlMs,
    tombstoneMaxEntries: config.tombstoneMaxEntries,
    idempotencyTtlMs,
    idempotencyMaxEntries: config.idempotencyMaxEntries,
  });
}
