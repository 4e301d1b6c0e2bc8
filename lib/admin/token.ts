import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether `presented` is the configured admin token.
 *
 * @example
 * isAdminToken(config.adminToken, bearerToken); // true or false
 */
export function isAdminToken(expected: string, presented: string): boolean {
  // Hashing first gives two 32-byte digests, so the constant-time compare
  // reveals neither the token's length nor how much of a guess matched.
  return timingSafeEqual(sha256(expected), sha256(presented));
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
