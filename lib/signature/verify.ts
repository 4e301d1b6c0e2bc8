import { timingSafeEqual } from "node:crypto";
import { decodeBase64Digest, decodeHexDigest } from "./decode";
import { e2bDigest, hmacDigest, type Payload } from "./sign";

/** Reads a header by case-insensitive name, like the Fetch `Headers`. */
export interface HeaderReader {
  get(name: string): string | null;
}

export type SignatureScheme = "e2b" | "hmac";

export type VerifyResult =
  | { ok: true; scheme: SignatureScheme; header: string; secretIndex: number }
  | {
      ok: false;
      reason: "missing_signature" | "invalid_signature";
      detail: string;
    };

interface SignatureHeader {
  name: string;
  scheme: SignatureScheme;
  decode: (value: string) => Buffer | null;
  digest: (secret: string, payload: Payload) => Buffer;
}

// PROTOCOL.md section 1: E2B's own header first, then the setup guide's two.
const SIGNATURE_HEADERS: readonly SignatureHeader[] = [
  {
    name: "e2b-signature",
    scheme: "e2b",
    decode: decodeBase64Digest,
    digest: e2bDigest,
  },
  {
    name: "x-e2b-signature",
    scheme: "hmac",
    decode: decodeHexDigest,
    digest: hmacDigest,
  },
  {
    name: "x-webhook-signature",
    scheme: "hmac",
    decode: decodeHexDigest,
    digest: hmacDigest,
  },
];

/** The header names that may carry a signature, in the order tried. */
export const SIGNATURE_HEADER_NAMES = SIGNATURE_HEADERS.map((h) => h.name);

/**
 * Verifies a delivery's signature over the exact bytes received. A delivery
 * is authentic when any signature header it carries verifies with any of the
 * secrets (the current one and, during rotation, the previous one).
 *
 * Returns a result for every kind of bad input; throws only on misuse (no
 * secret, or a blank one), since a blank secret would make E2B's scheme a
 * plain hash that anyone can compute.
 *
 * @example
 * const result = verifySignature(request.headers, bytes, [secret]);
 * if (!result.ok) return reject(401, result.reason);
 */
export function verifySignature(
  headers: HeaderReader,
  payload: Payload,
  secrets: readonly string[],
): VerifyResult {
  assertUsableSecrets(secrets);
  const failures: string[] = [];

  for (const header of SIGNATURE_HEADERS) {
    const value = headers.get(header.name);
    if (value === null) continue;

    const received = header.decode(value.trim());
    if (received === null) {
      failures.push(`${header.name} is not a ${describe(header)}`);
      continue;
    }

    const index = secrets.findIndex((secret) =>
      digestsEqual(received, header.digest(secret, payload)),
    );
    if (index !== -1) {
      return {
        ok: true,
        scheme: header.scheme,
        header: header.name,
        secretIndex: index,
      };
    }
    failures.push(`${header.name} does not match the configured secrets`);
  }

  if (failures.length === 0) {
    return {
      ok: false,
      reason: "missing_signature",
      detail: `expected one of: ${SIGNATURE_HEADER_NAMES.join(", ")}`,
    };
  }

  return {
    ok: false,
    reason: "invalid_signature",
    detail: failures.join("; "),
  };
}

function digestsEqual(received: Buffer, expected: Buffer): boolean {
  // Equal lengths are guaranteed by decoding; timingSafeEqual keeps the
  // comparison time independent of how many leading bytes match.
  return (
    received.length === expected.length && timingSafeEqual(received, expected)
  );
}

function describe(header: SignatureHeader): string {
  return header.scheme === "e2b"
    ? "base64 SHA-256 digest (43 characters)"
    : "hex HMAC-SHA256 digest (64 characters)";
}

function assertUsableSecrets(secrets: readonly string[]): void {
  if (secrets.length === 0 || secrets.some((s) => s.trim() === "")) {
    throw new Error(
      "verifySignature needs at least one non-blank secret; refuse the delivery as not_configured instead of verifying",
    );
  }
}
