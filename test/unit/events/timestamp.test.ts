import { describe, expect, it } from "vitest";
import { eventTimeFromEpoch, parseEventTime } from "@/lib/events/timestamp";

function key(text: string): string {
  const time = parseEventTime(text);
  if (!time) throw new Error(`expected ${text} to parse`);
  return time.key;
}

describe("parsing event timestamps at full precision", () => {
  it("keeps the text exactly as sent", () => {
    const text = "2026-11-20T10:05:00.123456789Z";

    expect(parseEventTime(text)?.text).toBe(text);
  });

  it("orders two times one nanosecond apart, which Date cannot tell apart", () => {
    const earlier = "2026-11-20T10:05:00.123456789Z";
    const later = "2026-11-20T10:05:00.12345679Z";

    expect(Date.parse(earlier)).toBe(Date.parse(later));
    expect(key(earlier) < key(later)).toBe(true);
  });

  it.each([
    ["no fraction", "2026-11-20T10:05:00Z", "2026-11-20T10:05:00.000000000Z"],
    ["one digit", "2026-11-20T10:05:00.5Z", "2026-11-20T10:05:00.500000000Z"],
    [
      "six digits",
      "2026-11-20T09:15:02.418273Z",
      "2026-11-20T09:15:02.418273000Z",
    ],
    [
      "nine digits",
      "2026-11-20T10:05:00.123456789Z",
      "2026-11-20T10:05:00.123456789Z",
    ],
    [
      "lowercase t and z",
      "2026-11-20t10:05:00z",
      "2026-11-20T10:05:00.000000000Z",
    ],
    [
      "a space separator",
      "2026-11-20 10:05:00Z",
      "2026-11-20T10:05:00.000000000Z",
    ],
  ])("reads %s into a nine-digit UTC key", (_name, text, expected) => {
    expect(key(text)).toBe(expected);
  });

  it.each([
    ["+05:30", "2026-11-20T15:35:00.000000001+05:30"],
    ["-08:00", "2026-11-20T02:05:00.000000001-08:00"],
    ["+00:00", "2026-11-20T10:05:00.000000001+00:00"],
  ])("converts an offset of %s to UTC", (_name, text) => {
    expect(key(text)).toBe("2026-11-20T10:05:00.000000001Z");
  });

  it("moves across midnight when converting an offset", () => {
    expect(key("2026-01-01T01:00:00+02:00")).toBe(
      "2025-12-31T23:00:00.000000000Z",
    );
  });

  it("gives milliseconds since the epoch for age checks", () => {
    const time = parseEventTime("2026-11-20T10:05:00.123987Z");

    expect(time?.epochMs).toBe(Date.UTC(2026, 10, 20, 10, 5, 0, 123));
  });

  it.each([
    ["February 30", "2026-02-30T10:00:00Z"],
    ["February 29 of a common year", "2026-02-29T10:00:00Z"],
    ["month 13", "2026-13-01T10:00:00Z"],
    ["hour 24", "2026-11-20T24:00:00Z"],
    ["minute 60", "2026-11-20T10:60:00Z"],
    ["second 61", "2026-11-20T10:00:61Z"],
    ["ten fractional digits", "2026-11-20T10:00:00.1234567890Z"],
    ["an empty fraction", "2026-11-20T10:00:00.Z"],
    ["no zone", "2026-11-20T10:00:00"],
    ["an offset hour of 24", "2026-11-20T10:00:00+24:00"],
    ["an offset minute of 60", "2026-11-20T10:00:00+05:60"],
    ["an offset without a colon", "2026-11-20T10:00:00+0530"],
    ["a date only", "2026-11-20"],
    ["epoch milliseconds", "1795169100000"],
    ["a year before 1970", "1969-12-31T23:59:59Z"],
    ["leading whitespace", " 2026-11-20T10:00:00Z"],
    ["an empty string", ""],
  ])("rejects %s", (_name, text) => {
    expect(parseEventTime(text)).toBeNull();
  });

  it("accepts February 29 of a leap year", () => {
    expect(key("2028-02-29T10:00:00Z")).toBe("2028-02-29T10:00:00.000000000Z");
  });
});

describe("the receive time as an event time", () => {
  it("reads like an ISO timestamp and sorts among parsed ones", () => {
    const time = eventTimeFromEpoch(Date.UTC(2026, 10, 20, 10, 5, 0, 7));

    expect(time.text).toBe("2026-11-20T10:05:00.007Z");
    expect(time.key).toBe("2026-11-20T10:05:00.007000000Z");
    expect(time.key).toBe(key(time.text));
  });
});
