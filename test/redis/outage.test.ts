import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redeliver } from "@/lib/client/sign-delivery";
import { sendDelivery, type Answer } from "@/lib/client/send-delivery";
import { RedisStore } from "@/lib/registry/redis-store";
import type { RunningServer } from "../support/server-process";
import {
  hasRedisServer,
  startRedisServer,
  uniquePrefix,
  type RedisServer,
} from "../support/redis";
import {
  comparable,
  inOrderRegistry,
  lifecycleStream,
  runPool,
  shuffle,
  type StreamEvent,
} from "./support/lifecycle-stream";
import {
  healthStatus,
  SECRET,
  startReplica,
  webhookUrl,
} from "./support/replicas";

const SANDBOXES = 150;
const RETRY_DELAY_MS = 100;
const available = hasRedisServer();
if (!available) {
  const reason = "no redis-server binary on PATH to stop and restart";
  if (process.env.REQUIRE_REDIS === "1") throw new Error(reason);
  console.warn(`[redis outage test skipped] ${reason}`);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not reached in 60 s");
    await pause(20);
  }
}

describe.skipIf(!available)(
  "a replica while its Redis goes down and comes back",
  () => {
    const dataDir = mkdtempSync(join(tmpdir(), "e2b-redis-outage-"));
    const prefix = uniquePrefix("outage");
    const inOrder = lifecycleStream(SANDBOXES, SECRET);
    const events = shuffle([...inOrder]);
    const answers: { event: StreamEvent; answer: Answer }[] = [];
    let redis: RedisServer;
    let replica: RunningServer;
    let healthWhileDown: unknown;
    let healthAfter: unknown;

    // Each sender behaves like E2B, only faster: it retries until it gets 2xx.
    const sender = (event: StreamEvent) => async () => {
      for (let attempt = 0; attempt < 600; attempt++) {
        const delivery =
          attempt === 0 ? event.delivery : redeliver(event.delivery);
        const answer = await sendDelivery(webhookUrl(replica), delivery);
        answers.push({ event, answer });
        if (answer.reachable && answer.status === 200) return;
        await pause(RETRY_DELAY_MS);
      }
    };
    const accepted = () =>
      answers.filter(({ answer }) => answer.reachable && answer.status === 200);
    const refused = () =>
      answers.filter(
        ({ answer }) => !answer.reachable || answer.status !== 200,
      );

    beforeAll(async () => {
      redis = await startRedisServer({ dataDir });
      replica = await startReplica(redis.url, prefix);

      const sending = runPool(events.map(sender), 8);
      await until(() => accepted().length >= events.length / 3);
      await redis.stop();
      healthWhileDown = await healthStatus(replica, 503);
      await until(() => refused().length >= 20);
      await redis.start();
      healthAfter = await healthStatus(replica, 200);
      await sending;
    }, 240_000);
    afterAll(async () => {
      await replica?.stop();
      await redis?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("answers 503 unavailable, and nothing else, while Redis is down", () => {
      const failures = refused().map(({ answer }) =>
        answer.reachable ? `${answer.status} ${answer.outcome}` : answer.error,
      );

      expect(failures.length).toBeGreaterThanOrEqual(20);
      expect(new Set(failures)).toEqual(new Set(["503 unavailable"]));
      expect(healthWhileDown).toMatchObject({ status: "unavailable" });
    });

    it("recovers by itself: health is 200 again and every event is taken", () => {
      const taken = new Set(accepted().map(({ event }) => event.eventId));

      expect(healthAfter).toMatchObject({ status: "ok", store: "redis" });
      expect(taken.size).toBe(events.length);
    });

    it("acknowledged only what it stored: each acknowledged event is now a duplicate", async () => {
      const again: Answer[] = [];
      const resend = (event: StreamEvent) => async () => {
        const delivery = redeliver(event.delivery);
        again.push(await sendDelivery(webhookUrl(replica), delivery));
      };
      await runPool(
        accepted().map(({ event }) => resend(event)),
        16,
      );

      expect(new Set(again.map((a) => a.reachable && a.outcome))).toEqual(
        new Set(["duplicate"]),
      );
    });

    it("converges on the registry that in-order delivery gives", async () => {
      const expected = await inOrderRegistry(inOrder);
      const store = new RedisStore({
        redis: new Redis(redis.url),
        prefix,
        tombstoneTtlMs: 86_400_000,
        idempotencyTtlMs: 86_400_000,
      });
      try {
        expect(comparable(await store.list())).toEqual(
          comparable(await expected.list()),
        );
      } finally {
        await store.close();
      }
    });
  },
);
