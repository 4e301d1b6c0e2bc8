import { describe, expect, it } from "vitest";
import { FIXTURE, readFixture } from "@/lib/client/fixtures";
import {
  eventTimeMs,
  rewriteBody,
  shiftTimes,
} from "@/lib/client/rewrite-body";

const TIME = /"\d{4}-\d{2}-\d{2}T[^"]*"/g;
const DAY = 86_400;

/** Every key path in document order, with the type found there. */
function shape(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => shape(item, `${path}[${i}]`));
  }
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [
      `${path}.${key}:${Array.isArray(item) ? "array" : typeof item}`,
      ...shape(item, `${path}.${key}`),
    ]);
  }
  return [];
}

describe("shiftTimes", () => {
  const fixtures = [
    ...Object.values(FIXTURE.e2b),
    ...Object.values(FIXTURE.legacy),
  ];

  it.each(fixtures)("keeps %s's key order and shape", (name) => {
    const original = readFixture(name);
    const shifted = shiftTimes(original, 400 * DAY + 7);

    expect(shape(JSON.parse(shifted))).toEqual(shape(JSON.parse(original)));
  });

  it.each(fixtures)("changes only the time values of %s", (name) => {
    const original = readFixture(name);
    const shifted = shiftTimes(original, 400 * DAY + 7);

    expect(shifted).not.toBe(original);
    expect(shifted.replace(TIME, "T")).toBe(original.replace(TIME, "T"));
  });

  it("moves every time by the shift, keeping fractional digits and zone", () => {
    const body =
      '{"a":"2026-11-20T23:59:59.123456789Z","b":"2026-02-28T23:00:00.5+02:00","c":"2026-11-20T10:00:00Z"}';

    expect(shiftTimes(body, 3_601)).toBe(
      '{"a":"2026-11-21T01:00:00.123456789Z","b":"2026-03-01T00:00:01.5+02:00","c":"2026-11-20T11:00:01Z"}',
    );
  });

  it("leaves a time quoted inside another string alone", () => {
    const body = '{"note":"seen \\"2026-11-20T10:00:00Z\\" once"}';

    expect(shiftTimes(body, 60)).toBe(body);
  });

  it("keeps escapes a Go sender wrote", () => {
    const body = '{"m":"\\u003cb\\u003e \\u0026","t":"2026-11-20T10:00:00Z"}';

    expect(shiftTimes(body, 60)).toBe(
      '{"m":"\\u003cb\\u003e \\u0026","t":"2026-11-20T10:01:00Z"}',
    );
  });

  it("refuses a shift that is not whole seconds", () => {
    expect(() => shiftTimes("{}", 1.5)).toThrow(/whole seconds/);
  });
});

describe("rewriteBody", () => {
  it("swaps string values but never keys", () => {
    const body = '{"create": "create", "label":"create", "other":"created"}';

    expect(rewriteBody(body, { replace: { create: "pause" } })).toBe(
      '{"create": "pause", "label":"pause", "other":"created"}',
    );
  });

  it("never swaps a value it has just written", () => {
    const body = '{"a":"x","b":"y"}';

    expect(rewriteBody(body, { replace: { x: "y", y: "z" } })).toBe(
      '{"a":"y","b":"z"}',
    );
  });

  it("swaps values and shifts times together", () => {
    const body = '{"id":"a","timestamp":"2026-11-20T10:00:00Z"}';

    expect(rewriteBody(body, { shiftSeconds: 60, replace: { a: "b" } })).toBe(
      '{"id":"b","timestamp":"2026-11-20T10:01:00Z"}',
    );
  });
});

describe("eventTimeMs", () => {
  it("reads the top-level timestamp", () => {
    const body =
      '{"timestamp":"2026-11-20T10:00:00.250Z","t":"2000-01-01T00:00:00Z"}';

    expect(eventTimeMs(body)).toBe(Date.UTC(2026, 10, 20, 10, 0, 0, 250));
  });

  it("names the body when it has no timestamp", () => {
    expect(() => eventTimeMs('{"id":"x"}')).toThrow(/no RFC 3339/);
  });
});
