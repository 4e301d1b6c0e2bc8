const DIGEST_BYTES = 32;

const BASE64_DIGEST = /^[A-Za-z0-9+/_-]{43}=?$/;
const HEX_DIGEST = /^(?:sha256=)?([0-9a-f]{64})$/i;

/**
 * Decodes an `e2b-signature` value into its 32 digest bytes, accepting the
 * standard, padded and URL-safe base64 spellings. Returns `null` for anything
 * else, including values with multibyte characters.
 */
export function decodeBase64Digest(value: string): Buffer | null {
  if (!BASE64_DIGEST.test(value)) return null;

  const standard = value.replace(/-/g, "+").replace(/_/g, "/");
  const bytes = Buffer.from(standard, "base64");

  return bytes.length === DIGEST_BYTES ? bytes : null;
}

/**
 * Decodes a hex signature (any case, optional `sha256=` prefix) into its 32
 * digest bytes, or `null` when the value is not exactly that.
 */
export function decodeHexDigest(value: string): Buffer | null {
  const match = HEX_DIGEST.exec(value);
  if (!match?.[1]) return null;

  return Buffer.from(match[1], "hex");
}
