import type { HeaderReader } from "../signature/verify";
import { verifySession } from "./session";
import { readSessionCookie } from "./session-cookie";
import { isAdminToken } from "./token";

export type AdminAccess =
  | {
      ok: true;
      via: "bearer" | "session";
      /** When the session ends; `null` for a Bearer token. */
      expiresAtMs: number | null;
    }
  | { ok: false; error: "admin_disabled" | "unauthorized" };

/**
 * Decides whether a request may read the admin API: a matching
 * `Authorization: Bearer` token, or a live session cookie. With no token
 * configured the read side is off for everyone.
 */
export function authorizeAdmin(
  headers: HeaderReader,
  adminToken: string | null,
  nowMs: number = Date.now(),
): AdminAccess {
  if (adminToken === null) return { ok: false, error: "admin_disabled" };

  const bearer = readBearer(headers.get("authorization"));
  if (bearer !== null && isAdminToken(adminToken, bearer)) {
    return { ok: true, via: "bearer", expiresAtMs: null };
  }

  const cookie = readSessionCookie(headers);
  const expiresAtMs = cookie && verifySession(adminToken, cookie, nowMs);
  if (expiresAtMs) return { ok: true, via: "session", expiresAtMs };

  return { ok: false, error: "unauthorized" };
}

function readBearer(header: string | null): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}
