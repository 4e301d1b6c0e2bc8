// A JSON string literal holding an RFC 3339 time, not preceded by a
// backslash (so never the tail of an escaped quote inside another string).
const TIME_LITERAL =
  /(?<!\\)"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})"/g;

export interface Rewrite {
  /** Whole seconds added to every RFC 3339 time in the body. */
  shiftSeconds?: number;
  /** String values to swap, old for new (values only, never keys). */
  replace?: Record<string, string>;
}

/**
 * Rewrites a fixture body as text, so everything else keeps its exact bytes:
 * key order, spacing, escapes and each time's fractional digits and zone.
 * Parsing and re-serialising would change what a Go sender wrote.
 *
 * @example
 * rewriteBody(fixture, {
 *   shiftSeconds: 3600,
 *   replace: { iu3k9x2m7q1w5e8r0t4y6: "i0123456789abcdefghij" },
 * });
 */
export function rewriteBody(text: string, rewrite: Rewrite): string {
  const swaps = new Map(
    Object.entries(rewrite.replace ?? {}).map(([from, to]) => [
      JSON.stringify(from),
      JSON.stringify(to),
    ]),
  );
  // One pass, so a new value is never swapped again by a later entry.
  const body =
    swaps.size === 0
      ? text
      : text.replace(stringValues([...swaps.keys()]), (m) => swaps.get(m) ?? m);

  return rewrite.shiftSeconds ? shiftTimes(body, rewrite.shiftSeconds) : body;
}

/** Adds whole seconds to every RFC 3339 time literal in a JSON text. */
export function shiftTimes(text: string, seconds: number): string {
  if (!Number.isInteger(seconds)) {
    throw new Error(
      `shiftTimes takes whole seconds, so fractional digits stay as written; got ${seconds}`,
    );
  }

  return text.replace(TIME_LITERAL, (_match, date, time, fraction, zone) => {
    // The wall-clock fields move by the shift; the zone text stays as it was.
    const wall = Date.parse(`${date}T${time}Z`) + seconds * 1000;
    const shifted = new Date(wall).toISOString().slice(0, 19);
    return `"${shifted}${fraction ?? ""}${zone}"`;
  });
}

// Any of the literals wherever it is a value: not followed by a colon.
function stringValues(literals: readonly string[]): RegExp {
  const escaped = literals.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?:${escaped.join("|")})(?!\\s*:)`, "g");
}

/** The body's top-level `timestamp`, in epoch milliseconds. */
export function eventTimeMs(body: string): number {
  const parsed: unknown = JSON.parse(body);
  const timestamp =
    typeof parsed === "object" && parsed !== null && "timestamp" in parsed
      ? parsed.timestamp
      : undefined;
  const ms = typeof timestamp === "string" ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(ms)) {
    throw new Error(`body has no RFC 3339 "timestamp": ${body.slice(0, 80)}`);
  }

  return ms;
}
