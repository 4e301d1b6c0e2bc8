import { describe, it } from "vitest";
import type { RunningServer } from "../support/server-process";
import {
  deleteKeys,
  redisForTests,
  stopSpawnedRedis,
  uniquePrefix,
} from "../support/redis";
import { loadSuite } from "./support/load-suite";
import { startReceiver } from "./support/receiver";

const redis = await redisForTests();
const prefix = uniquePrefix("reliability-load");
let replicas: RunningServer[] = [];

if (redis.ok) {
  const url = redis.url;
  loadSuite({
    setting: `two replicas sharing one Redis (${redis.source})`,
    figure: "load.twoReplicasRedis",
    start: async () => {
      const env = { REDIS_URL: url, WEBHOOK_REDIS_PREFIX: prefix };
      replicas = [await startReceiver(env), await startReceiver(env)];
      return replicas;
    },
    stop: async () => {
      await Promise.all(replicas.map((replica) => replica.stop()));
      await deleteKeys(url, prefix);
      await stopSpawnedRedis();
    },
    // Each attempt goes to either replica; one copy in ten to both at once.
    pick: (_attempt, servers) => {
      if (Math.random() < 0.1) return servers;
      const one = servers[Math.random() < 0.5 ? 0 : 1];
      return one ? [one] : [];
    },
  });
} else {
  describe("load on two replicas sharing one Redis", () => {
    it.skip(`skipped: ${redis.reason}`, () => {});
  });
}
