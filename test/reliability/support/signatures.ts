import { createHash, createHmac } from "node:crypto";

export const FUZZ_SECRET = "fuzz-current-secret-0123456789abcdefghij";
export const FUZZ_PREVIOUS_SECRET = "fuzz-previous-secret-0123456789abcdefgh";
const OTHER_SECRET = "fuzz-unknown-secret-0123456789abcdefghijk";

/** How a case signs (or fails to sign) its body. */
export type Forgery =
  | "none"
  | "wrong-secret"
  | "other-body"
  | "corrupted"
  | "random-base64"
  | "random-hex"
  | "garbage"
  | "truncated"
  | "hmac-corrupted";

export type Signing = "e2b" | "e2b-previous" | "hmac" | "hmac-webhook";

export type HeaderList = [string, string][];

// Independent of lib/signature: the definitions from PROTOCOL.md section 1.
const e2b = (secret: string, body: Uint8Array) =>
  createHash("sha256").update(secret, "utf8").update(body).digest();
const hmac = (secret: string, body: Uint8Array) =>
  createHmac("sha256", secret).update(body).digest();
const base64 = (digest: Buffer) => digest.toString("base64").replace(/=+$/, "");

/** A value the receiver must accept for `body`, by scheme. */
export function validSignature(body: Uint8Array, signing: Signing): HeaderList {
  switch (signing) {
    case "e2b":
      return [["e2b-signature", base64(e2b(FUZZ_SECRET, body))]];
    case "e2b-previous":
      return [["e2b-signature", base64(e2b(FUZZ_PREVIOUS_SECRET, body))]];
    case "hmac":
      return [["X-E2B-Signature", hmac(FUZZ_SECRET, body).toString("hex")]];
    case "hmac-webhook":
      return [["X-Webhook-Signature", hmac(FUZZ_SECRET, body).toString("hex")]];
  }
}

/** Headers that must not pass verification for `body`. */
export function forgedSignature(
  body: Uint8Array,
  forgery: Forgery,
  noise: string,
  position: number,
): HeaderList {
  const genuine = base64(e2b(FUZZ_SECRET, body));
  switch (forgery) {
    case "none":
      return [];
    case "wrong-secret":
      return [["e2b-signature", base64(e2b(OTHER_SECRET, body))]];
    case "other-body":
      return [["e2b-signature", base64(e2b(FUZZ_SECRET, Buffer.from(noise)))]];
    case "corrupted":
      return [["e2b-signature", flipChar(genuine, position % 42)]];
    case "random-base64":
      return [["e2b-signature", base64(e2b(noise, Buffer.from(noise)))]];
    case "random-hex":
      return [["X-E2B-Signature", hmac(noise, body).toString("hex")]];
    case "garbage":
      return [["e2b-signature", noise]];
    case "truncated":
      return [["e2b-signature", genuine.slice(0, position % 43)]];
    case "hmac-corrupted": {
      const hex = hmac(FUZZ_SECRET, body).toString("hex");
      return [["X-Webhook-Signature", flipChar(hex, position % 64)]];
    }
  }
}

// Any of the first 42 base64 characters carries six bits of the digest, so
// changing one always changes the digest (the 43rd has two unused bits).
function flipChar(text: string, index: number): string {
  const char = text[index];
  const replacement = char === "0" ? "1" : char === "A" ? "B" : "0";
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

/**
 * Whether any signature header verifies `body` with an accepted secret,
 * decided without the receiver's code: the test's own oracle.
 */
export function isAuthentic(body: Uint8Array, headers: HeaderList): boolean {
  const digests = [FUZZ_SECRET, FUZZ_PREVIOUS_SECRET].flatMap((s) => [
    e2b(s, body).toString("hex"),
  ]);
  const hmacs = [FUZZ_SECRET, FUZZ_PREVIOUS_SECRET].map((s) =>
    hmac(s, body).toString("hex"),
  );
  return headers.some(([name, raw]) => {
    const value = raw.trim();
    const lower = name.toLowerCase();
    if (lower === "e2b-signature" && /^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
      const standard = value.replace(/-/g, "+").replace(/_/g, "/");
      const hex = Buffer.from(standard, "base64").toString("hex");
      return digests.includes(hex);
    }
    const hex = /^(?:sha256=)?([0-9a-f]{64})$/i.exec(value)?.[1];
    const hmacHeader =
      lower === "x-e2b-signature" || lower === "x-webhook-signature";
    return hmacHeader && hex !== undefined && hmacs.includes(hex.toLowerCase());
  });
}
