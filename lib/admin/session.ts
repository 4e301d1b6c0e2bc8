import { createHmac, timingSafeEqual } from "node:crypto";

/** How long a dashboard sign-in lasts. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const VERSION = "v1";

export interface Session {
  /** The cookie value: `v1.<expiry ms>.<base64url HMAC>`. */
  value: string;
  expiresAtMs: number;
}

/**
 * Creates a session value bound to the admin token. It holds no secret and
 * no server state: it is an expiry signed with the token, so rotating
 * `WEBHOOK_ADMIN_TOKEN` ends every session, on every replica.
 */
export function createSession(token: string, nowMs: number): Session {
  const expiresAtMs = nowMs + SESSION_TTL_MS;
  const mac = sessionMac(token, expiresAtMs).toString("base64url");
  return { value: `${VERSION}.${expiresAtMs}.${mac}`, expiresAtMs };
}

/** The session's expiry when `value` is a live session for `token`, else null. */
export function verifySession(
  token: string,
  value: string,
  nowMs: number,
): number | null {
  const [version, expiry, mac, ...rest] = value.split(".");
  if (version !== VERSION || !expiry || !mac || rest.length > 0) return null;
  if (!/^\d{1,15}$/.test(expiry)) return null;

  const expiresAtMs = Number(expiry);
  if (expiresAtMs <= nowMs) return null;

  const presented = Buffer.from(mac, "base64url");
  const expected = sessionMac(token, expiresAtMs);
  // Equal lengths first: timingSafeEqual throws on a length mismatch.
  if (presented.length !== expected.length) return null;

  return timingSafeEqual(presented, expected) ? expiresAtMs : null;
}

function sessionMac(token: string, expiresAtMs: number): Buffer {
  return createHmac("sha256", token)
    .update(`e2b-webhook admin session ${VERSION} ${expiresAtMs}`)
    .digest();
}
