import { describe, expect, it } from "vitest";
import { signE2b, signHmacHex } from "@/lib/signature/sign";
import { verifySignature } from "@/lib/signature/verify";
import { signatureVectors } from "../helpers/fixtures";
import { flipChar, headers, HEX_ALPHABET, replaceAt } from "./headers";

const vector = signatureVectors()[2];
if (!vector) throw new Error("fixtures/signature-vectors.json needs 3 vectors");
const { secret: SECRET, body: BODY, hmacSha256Hex: HEX } = vector;

describe.each(["x-e2b-signature", "x-webhook-signature"])(
  "verifying %s (HMAC-SHA256, hex)",
  (header) => {
    const verify = (value: string, body: string = BODY, secret = SECRET) =>
      verifySignature(headers({ [header]: value }), body, [secret]);

    it("accepts the lowercase hex the setup guide sends", () => {
      expect(verify(HEX)).toEqual({
        ok: true,
        scheme: "hmac",
        header,
        secretIndex: 0,
      });
    });

    it.each([
      ["uppercase", HEX.toUpperCase()],
      ["mixed-case", HEX.slice(0, 32) + HEX.slice(32).toUpperCase()],
      ["sha256=-prefixed", `sha256=${HEX}`],
      ["SHA256=-prefixed uppercase", `SHA256=${HEX.toUpperCase()}`],
    ])("accepts the %s spelling", (_name, value) => {
      expect(verify(value).ok).toBe(true);
    });

    it.each([
      ["one digit changed", flipChar(HEX, 20, HEX_ALPHABET)],
      ["truncated by one digit", HEX.slice(0, -1)],
      ["one digit too many", `${HEX}0`],
      ["a non-hex character", replaceAt(HEX, 20, "g")],
      ["a multibyte character", replaceAt(HEX, 20, "é")],
      ["a prefix other than sha256=", `sha1=${HEX}`],
      ["an empty value", ""],
      ["E2B's base64 scheme instead", signE2b(SECRET, BODY)],
      ["the hex of E2B's plain hash", e2bHex(SECRET, BODY)],
    ])("rejects a value with %s as invalid_signature", (_name, value) => {
      expect(verify(value)).toMatchObject({
        ok: false,
        reason: "invalid_signature",
      });
    });

    it("rejects the right signature when one byte of the body changed", () => {
      const changed = replaceAt(BODY, BODY.indexOf("kill"), "K");

      expect(verify(HEX, changed)).toMatchObject({
        ok: false,
        reason: "invalid_signature",
      });
    });

    it("rejects the right signature under another secret", () => {
      expect(verify(HEX, BODY, `${SECRET}x`)).toMatchObject({
        ok: false,
        reason: "invalid_signature",
      });
    });

    it("verifies what signHmacHex produced", () => {
      const body = '{"sandboxId":"x"}';

      expect(verify(signHmacHex("other", body), body, "other").ok).toBe(true);
    });
  },
);

function e2bHex(secret: string, body: string): string {
  return Buffer.from(signE2b(secret, body), "base64").toString("hex");
}
