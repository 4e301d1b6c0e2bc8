import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signE2b, signHmacHex } from "@/lib/signature/sign";
import {
  SIGNATURE_HEADER_NAMES,
  verifySignature,
} from "@/lib/signature/verify";
import { headers } from "./headers";

const CURRENT = "current-secret-0123456789abcdefghij";
const PREVIOUS = "previous-secret-0123456789abcdefghi";
const BODY = '{"sandbox_id":"i0a1b2c3d4e5f6g7h8j9k"}';

describe("which signatures a delivery may carry", () => {
  it("answers missing_signature when no signature header is present", () => {
    const result = verifySignature(
      headers({ "content-type": "application/json", "e2b-delivery-id": "d1" }),
      BODY,
      [CURRENT],
    );

    expect(result).toMatchObject({ ok: false, reason: "missing_signature" });
  });

  it("names every header it looked for when none is present", () => {
    const result = verifySignature(headers({}), BODY, [CURRENT]);

    expect(result.ok).toBe(false);
    for (const name of SIGNATURE_HEADER_NAMES) {
      expect(!result.ok && result.detail).toContain(name);
    }
  });

  it("accepts when a wrong e2b-signature sits beside a right X-E2B-Signature", () => {
    const result = verifySignature(
      headers({
        "e2b-signature": signE2b("not-the-secret", BODY),
        "x-e2b-signature": signHmacHex(CURRENT, BODY),
      }),
      BODY,
      [CURRENT],
    );

    expect(result).toMatchObject({ ok: true, header: "x-e2b-signature" });
  });

  it("accepts when a malformed header sits beside a right X-Webhook-Signature", () => {
    const result = verifySignature(
      headers({
        "x-e2b-signature": "not hex at all",
        "x-webhook-signature": signHmacHex(CURRENT, BODY),
      }),
      BODY,
      [CURRENT],
    );

    expect(result).toMatchObject({ ok: true, header: "x-webhook-signature" });
  });

  it("rejects when every present header is wrong", () => {
    const result = verifySignature(
      headers({
        "e2b-signature": signE2b("not-the-secret", BODY),
        "x-e2b-signature": signHmacHex("not-the-secret", BODY),
      }),
      BODY,
      [CURRENT],
    );

    expect(result).toMatchObject({ ok: false, reason: "invalid_signature" });
  });
});

describe("secret rotation", () => {
  it("accepts a delivery signed with the previous secret", () => {
    const signed = headers({ "e2b-signature": signE2b(PREVIOUS, BODY) });

    expect(verifySignature(signed, BODY, [CURRENT, PREVIOUS])).toMatchObject({
      ok: true,
      secretIndex: 1,
    });
  });

  it("rejects the previous secret's signature once it is no longer configured", () => {
    const signed = headers({ "e2b-signature": signE2b(PREVIOUS, BODY) });

    expect(verifySignature(signed, BODY, [CURRENT])).toMatchObject({
      ok: false,
      reason: "invalid_signature",
    });
  });

  it("accepts an HMAC header signed with the previous secret", () => {
    const signed = headers({ "x-e2b-signature": signHmacHex(PREVIOUS, BODY) });

    expect(verifySignature(signed, BODY, [CURRENT, PREVIOUS]).ok).toBe(true);
  });
});

describe("misuse", () => {
  const signed = headers({ "e2b-signature": signE2b("", BODY) });

  it.each([
    ["no secret", []],
    ["an empty secret", [""]],
    ["a blank secret", ["   "]],
    ["a blank previous secret", [CURRENT, " "]],
  ])(
    "throws when given %s, rather than verify against it",
    (_name, secrets) => {
      expect(() => verifySignature(signed, BODY, secrets)).toThrow(
        /non-blank secret/,
      );
    },
  );
});

describe("any header value at all", () => {
  it("gives a result and never throws", () => {
    const names = fc.constantFrom(...SIGNATURE_HEADER_NAMES);
    const values = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 80 }),
      fc.string({ unit: "binary", maxLength: 80 }),
      fc.stringMatching(/^[A-Za-z0-9+/_=-]{40,46}$/),
      fc.stringMatching(/^(sha256=)?[0-9a-fA-F]{60,68}$/),
    );

    fc.assert(
      fc.property(names, values, (name, value) => {
        const result = verifySignature(headers({ [name]: value }), BODY, [
          CURRENT,
        ]);

        expect(result).toMatchObject({
          ok: false,
          reason: "invalid_signature",
        });
      }),
      { numRuns: 300 },
    );
  });
});
