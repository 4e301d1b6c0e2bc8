import { describe, expect, it } from "vitest";
import { signE2b, signHmacHex } from "@/lib/signature/sign";
import { signatureVectors } from "../helpers/fixtures";

// An implementation independent of lib/signature: WebCrypto, not node:crypto's
// createHash/createHmac, with its own encoding code.
const subtle = globalThis.crypto.subtle;
const utf8 = new TextEncoder();

async function webCryptoE2bSignature(secret: string, body: string) {
  const material = utf8.encode(secret + body);
  const digest = new Uint8Array(await subtle.digest("SHA-256", material));
  return btoa(String.fromCharCode(...digest)).replace(/=+$/, "");
}

async function webCryptoHmacHex(secret: string, body: string) {
  const key = await subtle.importKey(
    "raw",
    utf8.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await subtle.sign("HMAC", key, utf8.encode(body)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
}

const vectors = signatureVectors();

describe("known-answer signature vectors", () => {
  it("has vectors to check", () => {
    expect(vectors.length).toBeGreaterThanOrEqual(3);
  });

  it('matches PROTOCOL.md\'s example: secret-2 over {"a":1}', async () => {
    const expected = "65LplJow0HDKQQ8xdj+e4/yPrvDVyJFBfsnNKox1w6Q";

    expect(await webCryptoE2bSignature("secret-2", '{"a":1}')).toBe(expected);
    expect(signE2b("secret-2", '{"a":1}')).toBe(expected);
  });

  describe.each(vectors.map((v, i) => ({ ...v, name: `vector ${i}` })))(
    "$name",
    (vector) => {
      it("the fixture's e2b-signature is what WebCrypto computes", async () => {
        const independent = await webCryptoE2bSignature(
          vector.secret,
          vector.body,
        );

        expect(independent).toBe(vector.e2bSignature);
      });

      it("the fixture's HMAC hex is what WebCrypto computes", async () => {
        const independent = await webCryptoHmacHex(vector.secret, vector.body);

        expect(independent).toBe(vector.hmacSha256Hex);
      });

      it("signE2b gives the same 43-character signature", () => {
        const signature = signE2b(vector.secret, vector.body);

        expect(signature).toBe(vector.e2bSignature);
        expect(signature).toHaveLength(43);
      });

      it("signE2b over the body's bytes equals signE2b over its text", () => {
        const bytes = utf8.encode(vector.body);

        expect(signE2b(vector.secret, bytes)).toBe(vector.e2bSignature);
      });

      it("signHmacHex gives the same lowercase hex", () => {
        expect(signHmacHex(vector.secret, vector.body)).toBe(
          vector.hmacSha256Hex,
        );
        expect(signHmacHex(vector.secret, utf8.encode(vector.body))).toBe(
          vector.hmacSha256Hex,
        );
      });
    },
  );
});
