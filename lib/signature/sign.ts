import { createHash, createHmac } from "node:crypto";

/** A delivery body as sent on the wire. */
export type Payload = Uint8Array | string;

/**
 * Signs a payload the way E2B does today (`e2b-signature`, version `v1`):
 * SHA-256 over the secret's UTF-8 bytes followed by the raw body, encoded as
 * standard base64 with the trailing `=` removed.
 *
 * @example
 * signE2b("secret-2", '{"a":1}');
 * // "65LplJow0HDKQQ8xdj+e4/yPrvDVyJFBfsnNKox1w6Q"
 */
export function signE2b(secret: string, payload: Payload): string {
  return e2bDigest(secret, payload).toString("base64").replace(/=+$/, "");
}

/**
 * Signs a payload the way the popular setup guide does (`X-E2B-Signature`):
 * HMAC-SHA256 keyed by the secret, as lowercase hex.
 */
export function signHmacHex(secret: string, payload: Payload): string {
  return hmacDigest(secret, payload).toString("hex");
}

export function e2bDigest(secret: string, payload: Payload): Buffer {
  return createHash("sha256").update(secret, "utf8").update(payload).digest();
}

export function hmacDigest(secret: string, payload: Payload): Buffer {
  return createHmac("sha256", secret).update(payload).digest();
}
