import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  hasRedisServer,
  startRedisServer,
  uniquePrefix,
  type RedisServer,
} from "../support/redis";
import type { RunningServer } from "../support/server-process";
import { describeAnswer, tally } from "./support/senders";
import {
  faultStream,
  sendThroughFault,
  type FaultRun,
} from "./support/fault-stream";
import { recordFigure } from "./support/figures";
import { comparable, inOrderRegistry } from "./support/oracle";
import { PROFILE, limitMs, sizes } from "./support/profile";
import { listedBy, startReceiver, webhookUrl } from "./support/receiver";

// E2B retries three times, 10 s apart; here 20 times faster, and Redis is
// down for about as long as one interval.
const POLICY = { retries: 3, intervalMs: 500 };
const OUTAGE_MS = 500;
const available = hasRedisServer();
if (!available) {
  const reason = "no redis-server binary on PATH to stop and restart";
  if (process.env.REQUIRE_REDIS === "1") throw new Error(reason);
  console.warn(`[redis restart test skipped] ${reason}`);
}

describe.skipIf(!available)(
  `Redis stopped and restarted mid-stream, with a sender that retries like E2B (${POLICY.retries} retries, ${POLICY.intervalMs} ms apart; ${PROFILE} profile)`,
  () => {
    const dataDir = mkdtempSync(join(tmpdir(), "e2b-reliability-redis-"));
    const stream = faultStream(sizes.faults.sandboxes);
    let redis: RedisServer;
    let replica: RunningServer;
    let run: FaultRun;
    let outage = { downAtMs: 0, upAtMs: 0 };

    beforeAll(
      async () => {
        redis = await startRedisServer({ dataDir });
        replica = await startReceiver({
          REDIS_URL: redis.url,
          WEBHOOK_REDIS_PREFIX: uniquePrefix("reliability-restart"),
          WEBHOOK_REDIS_TIMEOUT_MS: "500",
        });
        const started = performance.now();
        run = await sendThroughFault(stream, {
          url: () => webhookUrl(replica),
          policy: POLICY,
          concurrency: sizes.faults.concurrency,
          faultAfter: Math.floor(stream.attempts.length / 3),
          fault: async () => {
            await redis.stop();
            const downAtMs = performance.now() - started;
            await new Promise((r) => setTimeout(r, OUTAGE_MS));
            await redis.start();
            outage = { downAtMs, upAtMs: performance.now() - started };
          },
        });
      },
      limitMs(120_000, 300_000),
    );
    afterAll(async () => {
      if (run) {
        recordFigure("faults.redisRestart", {
          attempts: stream.attempts.length,
          events: stream.inOrder.length,
          retryPolicy: POLICY,
          outageMs: Math.round(outage.upAtMs - outage.downAtMs),
          answers: tally(run.book.all()),
          maxAttemptsForOneDelivery: run.maxAttempts,
          eventsLost: run.dropped.length,
        });
      }
      await replica?.stop();
      await redis?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("answers 503 unavailable while Redis is down, and no other 5xx", () => {
      const failed = run.book
        .all()
        .filter((a) => !a.reachable || a.status >= 500);

      expect(failed.length).toBeGreaterThan(0);
      expect(new Set(failed.map(describeAnswer))).toEqual(
        new Set(["503 unavailable"]),
      );
    });

    it("loses no event: each one is acknowledged within E2B's retries", () => {
      expect(run.dropped).toEqual([]);
    });

    it("ends in the registry that in-order delivery gives", async () => {
      const expected = await inOrderRegistry(stream.inOrder, Date.now());

      expect(comparable(await listedBy(replica))).toEqual(
        comparable(expected.sandboxes),
      );
    });
  },
);
