const utf8 = new TextDecoder("utf-8", { fatal: true });

export type JsonResult =
  { ok: true; value: unknown } | { ok: false; detail: string };

/**
 * Parses a body as strict UTF-8 JSON. Never throws: invalid bytes, invalid
 * syntax and nesting too deep for the engine all come back as results.
 */
export function parseJson(payload: Uint8Array): JsonResult {
  let text: string;
  try {
    text = utf8.decode(payload);
  } catch {
    return { ok: false, detail: "the body is not valid UTF-8" };
  }

  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const detail =
      error instanceof RangeError ? "nesting too deep" : "syntax error";
    return { ok: false, detail };
  }
}
