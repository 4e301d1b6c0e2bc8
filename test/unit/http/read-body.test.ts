import { describe, expect, it } from "vitest";
import { readBody } from "@/lib/http/read-body";

/**
 * A body that sends `first` and then stalls, like a client that stopped
 * writing: reads never settle, and neither does a cancel, which (as with
 * Node's request streams) waits for a client that has gone quiet.
 */
function stalledBody(first: Uint8Array) {
  const seen = { cancelled: false };
  let sent = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(first);
          return;
        }
        return new Promise<void>(() => {});
      },
      cancel() {
        seen.cancelled = true;
        return new Promise<void>(() => {});
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

function request(body: ReadableStream<Uint8Array>, length?: number): Request {
  const headers = length === undefined ? {} : { "content-length": `${length}` };
  return new Request("http://localhost/", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
}

describe("readBody on a client that stops sending", () => {
  it("answers request_timeout at the deadline without waiting for the cancel to settle", async () => {
    const { stream, seen } = stalledBody(new Uint8Array(5));

    const result = await readBody(request(stream), 1024, { timeoutMs: 30 });

    expect(result).toEqual({
      ok: false,
      reason: "request_timeout",
      detail: "body incomplete after 30 ms (5 bytes read)",
    });
    expect(seen.cancelled).toBe(true);
  });

  it("answers payload_too_large without waiting for the cancel to settle", async () => {
    const { stream, seen } = stalledBody(new Uint8Array(2048));

    const result = await readBody(request(stream), 1024, { timeoutMs: 5000 });

    expect(result).toMatchObject({ ok: false, reason: "payload_too_large" });
    expect(seen.cancelled).toBe(true);
  });

  it("refuses a declared Content-Length over the cap without waiting for the cancel", async () => {
    const { stream } = stalledBody(new Uint8Array(5));

    const result = await readBody(request(stream, 4096), 1024);

    expect(result).toMatchObject({ ok: false, reason: "payload_too_large" });
  });
});
