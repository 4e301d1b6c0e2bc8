import { sendDelivery, type Answer } from "@/lib/client/send-delivery";
import { redeliver } from "@/lib/client/sign-delivery";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deleteKeys,
  redisForTests,
  stopSpawnedRedis,
  uniquePrefix,
} from "../support/redis";
import type { RunningServer } from "../support/server-process";
import type { AnswerBook } from "./support/delivery-checks";
import {
  faultStream,
  sendThroughFault,
  type FaultRun,
} from "./support/fault-stream";
import { recordFigure } from "./support/figures";
import { comparable, inOrderRegistry } from "./support/oracle";
import { PROFILE, limitMs, sizes } from "./support/profile";
import { listedBy, startReceiver, webhookUrl } from "./support/receiver";
import { isSuccess, tally } from "./support/senders";

// E2B's three retries, 10 s apart, five times faster: still long enough
// for the server to come back, as it is for E2B's own intervals.
const POLICY = { retries: 3, intervalMs: 2_000 };
const redis = await redisForTests();

describe.skipIf(!redis.ok)(
  `the server killed with SIGKILL mid-stream and restarted in Redis mode (${PROFILE} profile)`,
  () => {
    const url = redis.ok ? redis.url : "";
    const env = {
      REDIS_URL: url,
      WEBHOOK_REDIS_PREFIX: uniquePrefix("reliability-kill"),
    };
    const stream = faultStream(sizes.faults.sandboxes);
    let server: RunningServer;
    let run: FaultRun;
    let acknowledged: string[] = [];
    let askedAgain: Answer[] = [];
    let restartMs = 0;

    // Kill, restart on the same port, then ask the new process about every
    // event the old one acknowledged, before the stream goes on.
    const killAndRestart = async (book: AnswerBook) => {
      const killedAt = performance.now();
      await server.stop("SIGKILL");
      acknowledged = stream.inOrder
        .filter((e) => book.of(e.eventId).some(isSuccess))
        .map((e) => e.eventId);
      server = await startReceiver(env, server.port);
      restartMs = Math.round(performance.now() - killedAt);

      const again = stream.inOrder.filter((e) =>
        acknowledged.includes(e.eventId),
      );
      askedAgain = await Promise.all(
        again.map((e) =>
          sendDelivery(webhookUrl(server), redeliver(e.delivery)),
        ),
      );
    };

    beforeAll(
      async () => {
        server = await startReceiver(env);
        run = await sendThroughFault(stream, {
          url: () => webhookUrl(server),
          policy: POLICY,
          concurrency: sizes.faults.concurrency,
          faultAfter: Math.floor(stream.attempts.length / 3),
          fault: killAndRestart,
        });
      },
      limitMs(120_000, 300_000),
    );
    afterAll(async () => {
      if (run) {
        recordFigure("faults.serverKill", {
          attempts: stream.attempts.length,
          events: stream.inOrder.length,
          retryPolicy: POLICY,
          killToReadyMs: restartMs,
          acknowledgedBeforeKill: acknowledged.length,
          askedAgainAfterRestart: tally(askedAgain),
          answers: tally(run.book.all()),
          eventsLost: run.dropped.length,
        });
      }
      await server?.stop();
      await deleteKeys(url, env.WEBHOOK_REDIS_PREFIX);
      await stopSpawnedRedis();
    });

    it("still holds every event it acknowledged before the kill: the restarted server finds each a duplicate", () => {
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(tally(askedAgain)).toEqual({
        "200 duplicate": acknowledged.length,
      });
    });

    it("never answers with a 5xx; attempts during the restart fail as network errors only", () => {
      const failed = run.book.all().filter((a) => !isSuccess(a));

      expect(failed.filter((a) => a.reachable)).toEqual([]);
    });

    it("loses no event: each one is acknowledged within E2B's retries", () => {
      expect(run.dropped).toEqual([]);
    });

    it("ends in the registry that in-order delivery gives", async () => {
      const expected = await inOrderRegistry(stream.inOrder, Date.now());

      expect(comparable(await listedBy(server))).toEqual(
        comparable(expected.sandboxes),
      );
    });
  },
);
