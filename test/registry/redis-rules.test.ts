import { Redis } from "ioredis";
import { describe, it } from "vitest";
import { RedisStore } from "@/lib/registry/redis-store";
import {
  deleteKeys,
  redisForTests,
  stopSpawnedRedis,
  uniquePrefix,
} from "../support/redis";
import { describeRegistryRules } from "./rules.shared";

const DAY_MS = 86_400_000;
const redis = await redisForTests();

if (redis.ok) {
  const base = uniquePrefix("rules");
  let run = 0;

  describeRegistryRules("redis", {
    create: async () =>
      new RedisStore({
        redis: new Redis(redis.url),
        prefix: `${base}${(run += 1)}:`,
        tombstoneTtlMs: DAY_MS,
        idempotencyTtlMs: DAY_MS,
      }),
    cleanup: async () => {
      await deleteKeys(redis.url, base);
      await stopSpawnedRedis();
    },
  });
} else {
  describe("registry rules (redis store)", () => {
    it.skip(`needs Redis: ${redis.reason}`, () => {});
  });
}
