import fc from "fast-check";

/** One change to a valid body, applied in order with the others. */
export type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "splice"; at: number; bytes: number[] }
  | { kind: "reencode"; as: Encoding }
  | { kind: "remove"; path: number }
  | { kind: "set"; path: number; value: unknown }
  | { kind: "add"; path: number; key: string; value: unknown }
  | { kind: "duplicate"; path: number; value: unknown; first: boolean }
  | { kind: "literal"; path: number; literal: string };

export type Encoding = "utf16le" | "utf8-bom" | "latin1" | "escaped" | "pretty";

const KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "polluted",
  "id",
  "type",
  "version",
  "timestamp",
  "sandbox_id",
  "sandboxId",
  "event_data",
  "eventData",
  "eventLabel",
  "sandbox_metadata",
  "execution",
  "kill_reason",
  "set_timeout",
  "network_egress",
];

/** Values that are the wrong type, or the right type pushed to extremes. */
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    { polluted: "yes" },
    { constructor: { prototype: { polluted: "yes" } } },
    JSON.parse('{"__proto__":{"polluted":"yes"}}') as unknown,
    "",
    " ",
    "\ud800",
    "\u0000",
    "sandbox.lifecycle.killed",
    "2026-02-30T10:00:00Z",
    Number.MAX_SAFE_INTEGER,
    -1,
    [],
    {},
    null,
    true,
  ),
);

const literals: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "1e999",
    "-1e999",
    "1e-999",
    "-0",
    "123456789012345678901234567890123456789",
    "9007199254740993",
    '"\\ud800\\udc00\\udbff"',
  ),
  fc
    .constantFrom(64, 5_000, 200_000)
    .chain((depth) =>
      fc.constantFrom(
        "[".repeat(depth) + "]".repeat(depth),
        '{"a":'.repeat(depth) + "1" + "}".repeat(depth),
      ),
    ),
  fc
    .constantFrom(257, 65_537, 200_000, 300_000)
    .map((length) => `"${"x".repeat(length)}"`),
);

const invalidUtf8: fc.Arbitrary<number[]> = fc.oneof(
  fc.constantFrom<number[]>(
    [0xff],
    [0xc0, 0x80],
    [0xed, 0xa0, 0x80],
    [0xf4, 0x90, 0x80, 0x80],
    [0xe2, 0x82],
    [0x80],
    [0x00],
    [0xef, 0xbb, 0xbf],
  ),
  fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }),
);

const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 12 }));

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("truncate"), at: fc.nat() }),
  fc.record({ kind: fc.constant("splice"), at: fc.nat(), bytes: invalidUtf8 }),
  fc.record({
    kind: fc.constant("reencode"),
    as: fc.constantFrom<Encoding>(
      "utf16le",
      "utf8-bom",
      "latin1",
      "escaped",
      "pretty",
    ),
  }),
  fc.record({ kind: fc.constant("remove"), path: fc.nat() }),
  fc.record({ kind: fc.constant("set"), path: fc.nat(), value }),
  fc.record({ kind: fc.constant("add"), path: fc.nat(), key, value }),
  fc.record({
    kind: fc.constant("duplicate"),
    path: fc.nat(),
    value,
    first: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("literal"),
    path: fc.nat(),
    literal: literals,
  }),
) as fc.Arbitrary<Mutation>;
