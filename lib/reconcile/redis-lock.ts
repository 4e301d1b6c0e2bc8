import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { LockLease, ReconcileLock } from "./lock";

// Both scripts touch the key only while it still holds our token: after an
// expiry, another replica may hold the lock, and it is not ours to extend
// or release.
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then
  return redis.call("pexpire", KEYS[1], ARGV[2])
end
return 0`;

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then
  return redis.call("del", KEYS[1])
end
return 0`;

/**
 * The lock shared by replicas: `SET key token NX PX ttl`. Rejects when
 * Redis cannot be reached.
 */
export class RedisReconcileLock implements ReconcileLock {
  readonly #redis: Redis;
  readonly #key: string;

  constructor(redis: Redis, key: string) {
    this.#redis = redis;
    this.#key = key;
  }

  async acquire(ttlMs: number): Promise<LockLease | null> {
    const token = randomUUID();
    const set = await this.#redis.set(this.#key, token, "PX", ttlMs, "NX");
    if (set !== "OK") return null;

    return {
      renew: async (nextTtlMs) => {
        const renewed = await this.#redis.eval(
          RENEW,
          1,
          this.#key,
          token,
          String(nextTtlMs),
        );
        return renewed === 1;
      },
      release: async () => {
        await this.#redis.eval(RELEASE, 1, this.#key, token);
      },
    };
  }
}
