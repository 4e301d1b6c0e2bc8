export type BodyResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: "payload_too_large"; detail: string };

/**
 * Reads a request body once, as bytes, refusing it as soon as it is known
 * to exceed `maxBytes`: from `Content-Length` before reading anything, or
 * while streaming a body sent without one.
 */
export async function readBody(
  request: Request,
  maxBytes: number,
): Promise<BodyResult> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await request.body?.cancel().catch(() => {});
    return tooLarge(`Content-Length ${declared} > ${maxBytes}`);
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;

    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge(`streamed body passed ${maxBytes} bytes`);
    }
    chunks.push(value);
  }

  return { ok: true, bytes: concat(chunks, size) };
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

function tooLarge(detail: string): BodyResult {
  return { ok: false, reason: "payload_too_large", detail };
}
