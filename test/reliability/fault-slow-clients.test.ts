import { sendDelivery, type Answer } from "@/lib/client/send-delivery";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../support/server-process";
import { recordFigure } from "./support/figures";
import { loadStream, type StreamEvent } from "./support/load-stream";
import { PROFILE, isFull, sizes } from "./support/profile";
import {
  rawConnection,
  requestHead,
  type RawConnection,
  type RawOutcome,
} from "./support/raw-http";
import { SECRET, startReceiver, webhookUrl } from "./support/receiver";
import { runPool } from "./support/senders";

const SLOW = sizes.slowClients;
const TRICKLE_MS = 250;
const DECLARED_BYTES = 1_000;
const NORMAL = isFull ? 1_000 : 200;
if (!isFull) {
  console.warn(
    "[slow headers skipped in the short profile] Node cuts them at its 60 s headersTimeout (checked every 30 s); RELIABILITY_PROFILE=full runs it",
  );
}

interface Timed {
  answer: Answer;
  startedAt: number;
  endedAt: number;
}

describe(`slow clients are cut off by timeouts without delaying other deliveries (${PROFILE} profile)`, () => {
  const events = loadStream({
    sandboxes: 50,
    deliveries: NORMAL * 2,
    duplicateShare: 0,
    secret: SECRET,
    nowMs: Date.now(),
  }).inOrder;
  let server: RunningServer;
  let baseline: Timed[];
  let during: Timed[];
  let slowBodies: { outcome: RawOutcome; openedAt: number }[];
  let stalledBodies: { outcome: RawOutcome; openedAt: number }[];
  let slowHeaders: { outcome: RawOutcome; openedAt: number }[];

  beforeAll(
    async () => {
      server = await startReceiver();
      baseline = await deliverAll(server, events.slice(0, NORMAL));

      const bodies = Array.from({ length: SLOW }, () => trickleBody(server));
      const stalled = Array.from({ length: SLOW }, () => stallBody(server));
      const heads = isFull
        ? Array.from({ length: SLOW }, () => trickleHeaders(server))
        : [];
      during = await deliverAll(server, events.slice(NORMAL));

      slowBodies = await Promise.all(bodies.map(settle));
      stalledBodies = await Promise.all(stalled.map(settle));
      slowHeaders = await Promise.all(heads.map(settle));
    },
    isFull ? 180_000 : 60_000,
  );
  afterAll(async () => {
    if (slowBodies) {
      recordFigure("faults.slowClients", {
        slowBodies: SLOW,
        slowBodiesCutAfterMs: spread(
          slowBodies.map((s) => s.outcome.endedAtMs),
        ),
        slowHeaders: slowHeaders.length,
        slowHeadersCutAfterMs: spread(
          slowHeaders.map((s) => s.outcome.endedAtMs),
        ),
        normalDeliveries: NORMAL,
        latencyMsWithoutSlowClients: spread(baseline.map(latency)),
        latencyMsWithSlowClients: spread(during.map(latency)),
      });
    }
    await server?.stop();
  });

  it("answers a body trickled a byte at a time with 408 request_timeout and closes the connection", () => {
    for (const { outcome } of slowBodies) {
      expect(outcome.status).toBe(408);
      expect(outcome.text).toContain('"error":"request_timeout"');
      expect(outcome.closedByServer || outcome.complete).toBe(true);
    }
  });

  it("answers a body that stops arriving with 408, without waiting for the client to leave", () => {
    for (const { outcome } of stalledBodies) {
      expect(outcome.status).toBe(408);
      expect(outcome.text).toContain('"error":"request_timeout"');
      expect(outcome.endedAtMs).toBeLessThan(20_000);
    }
  });

  it("cuts the slow body off long before the client would have finished sending it", () => {
    const finishMs = DECLARED_BYTES * TRICKLE_MS;
    for (const { outcome } of slowBodies) {
      expect(outcome.endedAtMs).toBeLessThan(finishMs / 4);
    }
  });

  it.skipIf(!isFull)(
    "closes a connection whose headers trickle in, with Node's 408",
    () => {
      for (const { outcome } of slowHeaders) {
        expect(outcome.closedByServer).toBe(true);
        expect(outcome.status).toBe(408);
      }
    },
  );

  it("answers every other delivery with 200 while the slow clients are still connected", () => {
    const firstCut = Math.min(
      ...[...slowBodies, ...stalledBodies, ...slowHeaders].map(
        (s) => s.openedAt + s.outcome.endedAtMs,
      ),
    );

    expect(during.map((t) => t.answer.reachable && t.answer.status)).toEqual(
      during.map(() => 200),
    );
    expect(Math.max(...during.map((t) => t.endedAt))).toBeLessThan(firstCut);
  });
});

async function deliverAll(
  server: RunningServer,
  events: StreamEvent[],
): Promise<Timed[]> {
  const timed: Timed[] = [];
  await runPool(
    events.map((event) => async () => {
      const startedAt = performance.now();
      const answer = await sendDelivery(webhookUrl(server), event.delivery);
      timed.push({ answer, startedAt, endedAt: performance.now() });
    }),
    10,
  );
  return timed;
}

interface Slow {
  connection: RawConnection;
  openedAt: number;
  stop: () => void;
}

function trickleBody(server: RunningServer): Slow {
  const connection = rawConnection(server.port);
  connection.write(requestHead({ "e2b-signature": "x" }, DECLARED_BYTES));
  const timer = setInterval(() => connection.write("a"), TRICKLE_MS);
  return {
    connection,
    openedAt: performance.now(),
    stop: () => clearInterval(timer),
  };
}

// Sends a few bytes of the body, then nothing, and stays connected.
function stallBody(server: RunningServer): Slow {
  const connection = rawConnection(server.port);
  connection.write(requestHead({ "e2b-signature": "x" }, DECLARED_BYTES));
  connection.write('{"id":');
  return { connection, openedAt: performance.now(), stop: () => {} };
}

function trickleHeaders(server: RunningServer): Slow {
  const connection = rawConnection(server.port);
  connection.write("POST /api/webhooks/e2b HTTP/1.1\r\nx-slow: ");
  const timer = setInterval(() => connection.write("a"), 1_000);
  return {
    connection,
    openedAt: performance.now(),
    stop: () => clearInterval(timer),
  };
}

async function settle(slow: Slow) {
  const outcome = await slow.connection.outcome;
  slow.stop();
  slow.connection.socket.destroy();
  return { outcome, openedAt: slow.openedAt };
}

const latency = (t: Timed) => t.endedAt - t.startedAt;

function spread(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0,
    );
  return { min: at(0), p50: at(0.5), p99: at(0.99), max: at(1) };
}
