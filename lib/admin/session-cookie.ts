import type { HeaderReader } from "../signature/verify";

export const SESSION_COOKIE = "e2b_admin_session";

/** The `Set-Cookie` value that stores a session in the browser. */
export function sessionCookie(
  value: string,
  maxAgeMs: number,
  secure: boolean,
): string {
  const maxAge = Math.max(0, Math.floor(maxAgeMs / 1000));
  return cookie(`${SESSION_COOKIE}=${value}`, `Max-Age=${maxAge}`, secure);
}

/** The `Set-Cookie` value that removes the session (sign-out). */
export function clearedSessionCookie(secure: boolean): string {
  return cookie(`${SESSION_COOKIE}=`, "Max-Age=0", secure);
}

/** The session cookie's value from a `Cookie` header, if present. */
export function readSessionCookie(headers: HeaderReader): string | null {
  const header = headers.get("cookie");
  if (!header) return null;

  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return value.join("=");
  }
  return null;
}

/**
 * Whether the browser reached us over https, directly or through a proxy
 * that terminated TLS. Only ever adds `Secure`, so trusting the header is safe.
 */
export function isHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto");
  const proto = forwarded?.split(",")[0]?.trim().toLowerCase();
  return proto === "https" || new URL(request.url).protocol === "https:";
}

function cookie(pair: string, maxAge: string, secure: boolean): string {
  const parts = [pair, "Path=/", maxAge, "HttpOnly", "SameSite=Strict"];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}
