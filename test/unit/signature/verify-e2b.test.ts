import { describe, expect, it } from "vitest";
import { signE2b, signHmacHex } from "@/lib/signature/sign";
import { verifySignature } from "@/lib/signature/verify";
import { BASE64_ALPHABET, flipChar, headers, replaceAt } from "./headers";

// PROTOCOL.md's example: the signature holds both `+` and `/`, so its
// URL-safe spelling differs from the standard one.
const SECRET = "secret-2";
const BODY = '{"a":1}';
const SIGNATURE = "65LplJow0HDKQQ8xdj+e4/yPrvDVyJFBfsnNKox1w6Q";

const toUrlSafe = (value: string) =>
  value.replace(/\+/g, "-").replace(/\//g, "_");

function verify(value: string, body: string = BODY, secret = SECRET) {
  return verifySignature(headers({ "e2b-signature": value }), body, [secret]);
}

describe("verifying e2b-signature (SHA-256 of secret then body, base64)", () => {
  it("accepts the standard base64 spelling E2B sends", () => {
    expect(verify(SIGNATURE)).toEqual({
      ok: true,
      scheme: "e2b",
      header: "e2b-signature",
      secretIndex: 0,
    });
  });

  it.each([
    ["padded", `${SIGNATURE}=`],
    ["URL-safe", toUrlSafe(SIGNATURE)],
    ["padded URL-safe", `${toUrlSafe(SIGNATURE)}=`],
  ])("accepts the %s spelling of the same digest", (_name, value) => {
    expect(value).not.toBe(SIGNATURE);
    expect(verify(value).ok).toBe(true);
  });

  it("accepts the header under any letter case, as HTTP headers are", () => {
    const request = new Headers({ "E2B-Signature": SIGNATURE });

    expect(verifySignature(request, BODY, [SECRET]).ok).toBe(true);
  });

  it("accepts bytes as well as text for the body", () => {
    const bytes = new TextEncoder().encode(BODY);

    expect(
      verifySignature(headers({ "e2b-signature": SIGNATURE }), bytes, [SECRET])
        .ok,
    ).toBe(true);
  });

  it.each([
    ["one character changed", flipChar(SIGNATURE, 10, BASE64_ALPHABET)],
    ["truncated by one character", SIGNATURE.slice(0, -1)],
    ["one character too long", `${SIGNATURE}A`],
    ["two padding characters", `${SIGNATURE}==`],
    ["a character outside base64", replaceAt(SIGNATURE, 10, "!")],
    ["a multibyte character", replaceAt(SIGNATURE, 10, "é")],
    ["an emoji in place of two characters", `${SIGNATURE.slice(0, 41)}😀`],
    ["an empty value", ""],
    ["the hex spelling of the right digest", hexOf(SIGNATURE)],
    ["the setup guide's HMAC, base64", base64Hmac(SECRET, BODY)],
  ])("rejects a value with %s as invalid_signature", (_name, value) => {
    const result = verify(value);

    expect(result).toMatchObject({ ok: false, reason: "invalid_signature" });
  });

  it("rejects the right signature when one byte of the body changed", () => {
    expect(verify(SIGNATURE, '{"a":2}')).toMatchObject({
      ok: false,
      reason: "invalid_signature",
    });
  });

  it("rejects the right signature under another secret", () => {
    expect(verify(SIGNATURE, BODY, "secret-3")).toMatchObject({
      ok: false,
      reason: "invalid_signature",
    });
  });

  it("verifies what signE2b produced for any secret and body", () => {
    const secret = "an unusual secret: ünïcødé ✓";
    const body = '{"html":"\\u003cb\\u003e"}';

    expect(verify(signE2b(secret, body), body, secret).ok).toBe(true);
  });
});

function hexOf(base64: string): string {
  return Buffer.from(base64, "base64").toString("hex");
}

function base64Hmac(secret: string, body: string): string {
  const hex = signHmacHex(secret, body);
  return Buffer.from(hex, "hex").toString("base64").replace(/=+$/, "");
}
