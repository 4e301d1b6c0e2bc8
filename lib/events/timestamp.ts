// The offset's range is checked here (RFC 3339 section 5.6: hours 00-23,
// minutes 00-59); the date and time fields are checked against a Date below.
// No capture groups: the fields up to the seconds have fixed places, and
// reading them by position spares nine strings per event.
const RFC3339 =
  /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

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
  if (!RFC3339.test(text)) return null;

  const wholeSeconds = utcSeconds(text);
  if (wholeSeconds === null) return null;

  const zoneAt = /[Zz]$/.test(text) ? text.length - 1 : text.length - 6;
  const offset = offsetMs(text.slice(zoneAt));
  const epochSeconds = wholeSeconds - offset;
  if (epochSeconds < 0 || epochSeconds >= MAX_EPOCH_MS) return null;
  const nanos = text.slice(20, Math.max(20, zoneAt)).padEnd(9, "0");
  // With no offset the text already spells the UTC time (checked above),
  // which spares a Date and its formatting on every E2B event. One join
  // makes one flat string: the key is kept in the registry, where a chain
  // of concatenations would cost hundreds of bytes per sandbox.
  const utc =
    offset === 0
      ? [text.slice(0, 10), "T", text.slice(11, 19)]
      : [new Date(epochSeconds).toISOString().slice(0, 19)];

  return {
    text,
    key: [...utc, ".", nanos, "Z"].join(""),
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

// The date and time as written, or null when no such moment exists
// (February 30, 24:00, a leap second): Date.UTC rolls those over.
function utcSeconds(text: string): number | null {
  const year = number(text, 0, 4);
  const month = number(text, 5, 7);
  const day = number(text, 8, 10);
  const hour = number(text, 11, 13);
  const minute = number(text, 14, 16);
  const second = number(text, 17, 19);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(ms);
  const same =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() + 1 === month &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return same ? ms : null;
}

// The digits in text[from, to), already known to be digits.
function number(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

function offsetMs(zone: string): number {
  if (zone === "Z" || zone === "z") return 0;

  const sign = zone.startsWith("-") ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  return sign * (hours * 60 + minutes) * 60_000;
}
