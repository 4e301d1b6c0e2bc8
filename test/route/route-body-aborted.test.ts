import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getRuntime } from "@/lib/runtime";
import {
  configure,
  e2bHeaders,
  post,
  recentFixture,
  restoreEnvironment,
  SECRET,
} from "./deliveries";
import { loggedLines } from "./captured-log";

// Keeps the runtime's log lines, as the environment formats them.
vi.mock("@/lib/log/logger", async (importOriginal) => {
  const { capturing } = await import("./captured-log");
  return capturing(await importOriginal());
});

const CREATED = recentFixture("e2b-v2/01-created.json");

/** A body whose stream fails after 100 bytes, as when a client hangs up. */
function hungUpBody() {
  const first = new TextEncoder().encode(CREATED.slice(0, 100));
  let pulls = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulls += 1;
        if (pulls === 1) controller.enqueue(first);
        else controller.error(new Error("aborted"));
      },
    },
    { highWaterMark: 0 },
  );
}

describe("a client that disconnects mid-body", () => {
  beforeEach(() => {
    configure({
      E2B_WEBHOOK_SECRET: SECRET,
      LOG_FORMAT: "pretty",
      LOG_LEVEL: "info",
    });
    loggedLines.length = 0;
  });
  afterAll(restoreEnvironment);

  it("is answered 400 request_aborted instead of an unhandled error", async () => {
    const answer = await post(hungUpBody(), e2bHeaders(CREATED));

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      success: false,
      error: "request_aborted",
      message: expect.any(String),
    });
  });

  it("is logged as one tagged rejection and kept in the delivery log", async () => {
    const headers = e2bHeaders(CREATED);

    await post(hungUpBody(), headers);

    expect(loggedLines).toEqual([
      expect.stringMatching(
        /\[e2b-webhook\] delivery rejected: request_aborted .*body stream failed after 100 bytes: aborted/,
      ),
    ]);
    const [kept] = await getRuntime().deliveryLog.recent(1);
    expect(kept).toMatchObject({
      outcome: "request_aborted",
      status: 400,
      deliveryId: headers["e2b-delivery-id"],
    });
    expect(await getRuntime().metrics.totals()).toMatchObject({
      received: 1,
      rejected: 1,
    });
  });
});
