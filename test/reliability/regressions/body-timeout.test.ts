import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/webhooks/e2b/route";
import { restoreEnvironment, useEnvironment } from "../support/environment";

const URL = "http://localhost:3000/api/webhooks/e2b";

// Found by the slow-client fault test: a body trickled a byte at a time
// held its request open until Node's requestTimeout, 300 s later.
function trickledRequest(): Request {
  const init: RequestInit & { duplex: "half" } = {
    method: "POST",
    headers: { "e2b-signature": "A".repeat(43) },
    body: new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"id":'));
      },
    }),
    duplex: "half",
  };
  return new Request(URL, init);
}

describe("a body that stops arriving", () => {
  beforeEach(() => {
    useEnvironment({
      E2B_WEBHOOK_SECRET: "regression-secret-0123456789abcdefghijk",
      LOG_LEVEL: "silent",
    });
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  });
  afterEach(() => {
    vi.useRealTimers();
    restoreEnvironment();
  });

  it("is refused with 408 request_timeout after 10 s, closing the connection", async () => {
    const answer = POST(trickledRequest());
    await vi.advanceTimersByTimeAsync(10_000);
    const response = await answer;

    expect(response.status).toBe(408);
    expect(response.headers.get("connection")).toBe("close");
    expect(await response.json()).toMatchObject({
      success: false,
      error: "request_timeout",
    });
  });

  it("is still waited for just before the 10 s are up", async () => {
    let settled = false;
    const answer = POST(trickledRequest()).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(9_999);

    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await answer).status).toBe(408);
  });
});
