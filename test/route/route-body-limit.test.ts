import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  configure,
  deliver,
  e2bHeaders,
  post,
  recentFixture,
  restoreEnvironment,
} from "./deliveries";

const DEFAULT_MAX = 262_144;
const CHUNK = new Uint8Array(16 * 1024).fill(0x20);

/** A body that counts what was read from it and never ends by itself. */
function endlessBody() {
  const seen = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        seen.pulls += 1;
        controller.enqueue(CHUNK.slice());
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

function paddedTo(size: number): string {
  const event = recentFixture("e2b-v2/01-created.json");
  return event + " ".repeat(size - Buffer.byteLength(event));
}

const tooLarge = {
  success: false,
  error: "payload_too_large",
  message: expect.stringContaining(String(DEFAULT_MAX)),
};

describe("the body cap (WEBHOOK_MAX_BODY_BYTES, default 262144)", () => {
  beforeEach(() =>
    configure({ E2B_WEBHOOK_SECRET: "route-test-secret-0123456789abcdefgh" }),
  );
  afterAll(restoreEnvironment);

  it("refuses a declared Content-Length over the cap before reading the body", async () => {
    const { stream, seen } = endlessBody();

    const answer = await post(stream, {
      "content-length": String(DEFAULT_MAX + 1),
    });

    expect(answer.status).toBe(413);
    expect(answer.body).toEqual(tooLarge);
    expect(seen.pulls).toBe(0);
  });

  it("refuses a streamed body with no Content-Length as soon as it passes the cap", async () => {
    const { stream, seen } = endlessBody();

    const answer = await post(stream);

    expect(answer.status).toBe(413);
    expect(answer.body).toEqual(tooLarge);
    expect(seen.pulls).toBe(DEFAULT_MAX / CHUNK.byteLength + 1);
    expect(seen.cancelled).toBe(true);
  });

  it("checks the cap before the signature: an unsigned oversized body is 413", async () => {
    const answer = await post("x".repeat(DEFAULT_MAX + 1));

    expect(answer.status).toBe(413);
  });

  it("accepts a signed body of exactly the cap", async () => {
    const answer = await deliver(paddedTo(DEFAULT_MAX));

    expect(answer.status).toBe(200);
  });

  it("accepts a signed body of exactly the cap streamed without Content-Length", async () => {
    const payload = new TextEncoder().encode(paddedTo(DEFAULT_MAX));
    const chunks = [payload.slice(0, 100_000), payload.slice(100_000)];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });

    const answer = await post(stream, e2bHeaders(payload));

    expect(answer.status).toBe(200);
  });

  it("follows WEBHOOK_MAX_BODY_BYTES when it is set", async () => {
    configure({
      E2B_WEBHOOK_SECRET: "route-test-secret-0123456789abcdefgh",
      WEBHOOK_MAX_BODY_BYTES: "2048",
    });

    const answer = await deliver(paddedTo(2049));

    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: "payload_too_large" });
  });
});
