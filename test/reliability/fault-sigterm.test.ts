import { once } from "node:events";
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
import { recordFigure } from "./support/figures";
import { loadStream, type StreamEvent } from "./support/load-stream";
import { PROFILE, sizes } from "./support/profile";
import {
  rawConnection,
  requestHead,
  type RawConnection,
  type RawOutcome,
} from "./support/raw-http";
import { SECRET, startReceiver, webhookUrl } from "./support/receiver";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const HALF_SENT = sizes.slowClients * 2;
const BURST = sizes.faults.concurrency;
const redis = await redisForTests();

describe.skipIf(!redis.ok)(
  `SIGTERM drains deliveries in flight before the server exits (Redis mode, ${PROFILE} profile)`,
  () => {
    const url = redis.ok ? redis.url : "";
    const env = {
      REDIS_URL: url,
      WEBHOOK_REDIS_PREFIX: uniquePrefix("reliability-sigterm"),
    };
    const stream = loadStream({
      sandboxes: HALF_SENT + BURST,
      deliveries: HALF_SENT + BURST,
      duplicateShare: 0,
      secret: SECRET,
      nowMs: Date.now(),
    }).inOrder;
    const halfSentEvents = stream.slice(0, HALF_SENT);
    const burstEvents = stream.slice(HALF_SENT);
    let server: RunningServer;
    let successor: RunningServer;
    let halfSent: RawOutcome[];
    let burst: RawOutcome[];
    let refusedAfter: string;
    let exit: { code: number | null; signal: string | null; ms: number };
    let resent: Answer[];

    beforeAll(async () => {
      server = await startReceiver(env);
      const slow = halfSentEvents.map((e) => startHalfSent(server.port, e));
      await pause(500);
      const fast = burstEvents.map((e) => sendWhole(server.port, e));
      await pause(5);

      const exited = once(server.process, "exit");
      const signalledAt = performance.now();
      server.process.kill("SIGTERM");
      await pause(300);
      refusedAfter = await fetch(`${server.url}/api/health`).then(
        (r) => `answered ${r.status}`,
        (error: Error) => String((error.cause as Error | undefined)?.message),
      );
      for (const { connection, rest } of slow) connection.write(rest);

      halfSent = await Promise.all(slow.map((s) => s.connection.outcome));
      burst = await Promise.all(fast.map((c) => c.outcome));
      const [code, signal] = (await exited) as [number | null, string | null];
      exit = { code, signal, ms: Math.round(performance.now() - signalledAt) };

      // What the next process, on the same Redis, says of each event.
      successor = await startReceiver(env);
      resent = await Promise.all(
        stream.map((e) =>
          sendDelivery(webhookUrl(successor), redeliver(e.delivery)),
        ),
      );
    }, 90_000);
    afterAll(async () => {
      if (resent) {
        recordFigure("faults.sigterm", {
          halfSentInFlight: HALF_SENT,
          halfSentAnswered: tally(halfSent),
          burstWrittenBeforeSignal: BURST,
          burstAnswered: tally(burst),
          signalToExitMs: exit.ms,
          exitCode: exit.code,
        });
      }
      await server?.stop("SIGKILL");
      await successor?.stop();
      await deleteKeys(url, env.WEBHOOK_REDIS_PREFIX);
      await stopSpawnedRedis();
    });

    it("answers every delivery that was half sent when the signal came, in full and with 200 applied", () => {
      expect(halfSent.map(summary)).toEqual(
        halfSent.map(() => "200 complete applied"),
      );
    });

    it("never cuts an answer short: each of the burst is answered in full, or reset before the server read it", () => {
      const partial = burst.filter((o) => !o.complete && o.text.length > 0);

      expect(partial).toEqual([]);
      expect(burst.filter((o) => o.complete).map(summary)).toEqual(
        burst.filter((o) => o.complete).map(() => "200 complete applied"),
      );
    });

    it("stored every delivery it answered: the next process finds each one a duplicate", () => {
      const answered = [...halfSent, ...burst].map((o) => o.complete);
      const outcomes = resent.map((a) => (a.reachable ? a.outcome : a.error));

      answered.forEach((wasAnswered, i) => {
        if (wasAnswered) expect(outcomes[i]).toBe("duplicate");
      });
    });

    it("took nothing it reset unanswered: the next process applies those as new", () => {
      const offset = HALF_SENT;
      burst.forEach((o, i) => {
        if (o.complete) return;
        const answer = resent[offset + i];
        expect(answer?.reachable && answer.outcome).toBe("applied");
      });
    });

    it("stops taking new connections at once, and exits with 143 once the last answer is out", () => {
      expect(refusedAfter).toMatch(/ECONNREFUSED/);
      expect(exit.code).toBe(143);
    });
  },
);

function startHalfSent(port: number, event: StreamEvent) {
  const connection = rawConnection(port);
  const body = Buffer.from(event.delivery.body);
  connection.write(requestHead(event.delivery.headers, body.length));
  connection.write(body.subarray(0, body.length >> 1));
  return { connection, rest: body.subarray(body.length >> 1) };
}

function sendWhole(port: number, event: StreamEvent): RawConnection {
  const connection = rawConnection(port);
  const body = Buffer.from(event.delivery.body);
  connection.write(requestHead(event.delivery.headers, body.length));
  connection.write(body);
  return connection;
}

function summary(o: RawOutcome): string {
  const outcome = /"outcome":"(\w+)"/.exec(o.text)?.[1] ?? "none";
  return `${o.status} ${o.complete ? "complete" : "incomplete"} ${outcome}`;
}

function tally(outcomes: RawOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.complete
      ? summary(o)
      : o.text
        ? "cut short"
        : `reset unread (${o.connected ? "connected" : "not connected"}, ${o.error ?? "closed"})`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
