import fc from "fast-check";
import type { Forgery, HeaderList, Signing } from "./signatures";

const headerText = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((c) => c !== 0x7f)
    .map((c) => String.fromCharCode(c)),
  maxLength: 80,
});

/**
 * Headers besides the signature, random or absent; with a made-up
 * Content-Length when `lying` (the body is what it is in-process).
 */
export function extraHeaders(lying: boolean): fc.Arbitrary<HeaderList> {
  return fc
    .record(
      {
        "content-type": fc.constantFrom("application/json", "text/plain", ""),
        "e2b-signature-version": fc.oneof(fc.constant("v1"), headerText),
        "e2b-delivery-id": headerText,
        "e2b-webhook-id": headerText,
        "x-forwarded-for": headerText,
        "x-e2b-webhook-peer": headerText,
      },
      { requiredKeys: [] },
    )
    .chain((headers) =>
      lying
        ? contentLength.map((length) => [...Object.entries(headers), ...length])
        : fc.constant(Object.entries(headers)),
    );
}

const contentLength: fc.Arbitrary<HeaderList> = fc.option(
  fc
    .oneof(
      fc.nat({ max: 300_000 }).map(String),
      fc.constantFrom("-1", "1e9", "abc", "99999999999999999999", ""),
    )
    .map((value): HeaderList => [["content-length", value]]),
  { nil: [] },
);

export const noise = headerText;
export const forgery = fc.constantFrom<Forgery>(
  "none",
  "wrong-secret",
  "other-body",
  "corrupted",
  "random-base64",
  "random-hex",
  "garbage",
  "truncated",
  "hmac-corrupted",
);
export const signing = fc.constantFrom<Signing>(
  "e2b",
  "e2b-previous",
  "hmac",
  "hmac-webhook",
);
