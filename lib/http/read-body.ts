export type BodyResult =
  | { ok: true; bytes: Uint8Array }
  | {
      ok: false;
      reason: "payload_too_large" | "request_timeout" | "request_aborted";
      detail: string;
    };

export interface ReadBodyOptions {
  /**
   * Gives up on a body still incomplete this long after reading began, so
   * a client trickling bytes cannot hold the request open for the server's
   * 300 s `requestTimeout`.
   */
  timeoutMs?: number;
}

const TIMED_OUT = Symbol("timed out");

/**
 * Reads a request body once, as bytes, refusing it as soon as it is known
 * to exceed `maxBytes`: from `Content-Length` before reading anything, or
 * while streaming a body sent without one. With `timeoutMs`, a body that
 * has not fully arrived by then is refused as `request_timeout`. A body
 * whose stream fails (the client disconnected) is `request_aborted`.
 */
export async function readBody(
  request: Request,
  maxBytes: number,
  options: ReadBodyOptions = {},
): Promise<BodyResult> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    discard(request.body);
    return tooLarge(`Content-Length ${declared} > ${maxBytes}`);
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };

  const reader = request.body.getReader();
  const deadline = deadlineAfter(options.timeoutMs);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline.expired]);
      if (next === TIMED_OUT) {
        discard(reader);
        const detail = `body incomplete after ${options.timeoutMs} ms (${size} bytes read)`;
        return { ok: false, reason: "request_timeout", detail };
      }
      if (next.done) break;

      size += next.value.byteLength;
      if (size > maxBytes) {
        discard(reader);
        return tooLarge(`streamed body passed ${maxBytes} bytes`);
      }
      chunks.push(next.value);
    }
  } catch (error) {
    // The stream fails when the client disconnects mid-body: a refusal
    // like the others, so that it is logged and counted.
    return aborted(error, size);
  } finally {
    deadline.clear();
  }

  return { ok: true, bytes: concat(chunks, size) };
}

// Not awaited: a stalled client's stream settles its cancel only when the
// client goes away, and the answer must not wait for that.
function discard(
  source: ReadableStream | ReadableStreamDefaultReader | null,
): void {
  source?.cancel().catch(() => {});
}

function deadlineAfter(timeoutMs: number | undefined) {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<typeof TIMED_OUT>((resolve) => {
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
    }
  });
  return { expired, clear: () => clearTimeout(timer) };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];

  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const MAX_CAUSE_LENGTH = 200;

function aborted(error: unknown, size: number): BodyResult {
  const cause = error instanceof Error ? error.message : String(error);
  const detail = `body stream failed after ${size} bytes: ${cause.slice(0, MAX_CAUSE_LENGTH)}`;
  return { ok: false, reason: "request_aborted", detail };
}

function tooLarge(detail: string): BodyResult {
  return { ok: false, reason: "payload_too_large", detail };
}
