// The offset's range is checked here (RFC 3339 section 5.6: hours 00-23,
// minutes 00-59); the date and time fields are checked against a Date below.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * An event time kept at full precision. `key` is the instant in UTC with nine
 * fractional digits, so two keys compare correctly as plain strings; E2B
 * sends up to nanoseconds, which a JavaScript `Date` would round away.
 */
export interface EventTime {
  /** The timestamp exactly as the event carried it. */
  text: string;
  /** `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ`, in UTC. */
  key: string;
  /** Milliseconds since the epoch, for age checks only. */
  epochMs: number;
}

/**
 * Parses an RFC 3339 timestamp such as Go's `RFC3339Nano` output. Returns
 * `null` for anything else, including impossible dates like February 30.
 */
export function parseEventTime(text: string): EventTime | null {
  const match = RFC3339.exec(text);
  if (!match) return null;

  const [, ...parts] = match;
  const [year, month, day, hour, minute, second] = parts
    .slice(0, 6)
    .map(Number) as [number, number, number, number, number, number];
  const fraction = parts[6] ?? "";
  const wholeSeconds = Date.UTC(year, month - 1, day, hour, minute, second);
  if (!sameFields(new Date(wholeSeconds), parts.slice(0, 6).map(Number))) {
    return null;
  }

  const epochSeconds = wholeSeconds - offsetMs(parts[7] ?? "Z");
  if (epochSeconds < 0 || epochSeconds >= MAX_EPOCH_MS) return null;
  const nanos = fraction.padEnd(9, "0");
  const utc = new Date(epochSeconds).toISOString().slice(0, 19);

  return {
    text,
    key: `${utc}.${nanos}Z`,
    epochMs: epochSeconds + Number(nanos.slice(0, 3)),
  };
}

/** The current time as an `EventTime`, for events that carry none. */
export function eventTimeFromEpoch(epochMs: number): EventTime {
  const text = new Date(epochMs).toISOString();
  return { text, key: `${text.slice(0, 23)}000000Z`, epochMs };
}

// Keys stay fixed-width (and so comparable as strings) up to year 9999.
const MAX_EPOCH_MS = Date.UTC(10000, 0, 1);

function sameFields(date: Date, fields: number[]): boolean {
  const actual = [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  ];
  return actual.every((value, i) => value === fields[i]);
}

function offsetMs(zone: string): number {
  if (zone === "Z" || zone === "z") return 0;

  const sign = zone.startsWith("-") ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  return sign * (hours * 60 + minutes) * 60_000;
}
