import type { HeaderReader } from "../signature/verify";

const FALLBACK = "http://localhost:3000";
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * The origin a browser used to reach us (through a proxy when it sent
 * `X-Forwarded-*`), for showing URLs to the user.
 */
export function publicOrigin(headers: HeaderReader): string {
  return requestOrigin(headers) ?? FALLBACK;
}

/**
 * The origin the request names for itself: `X-Forwarded-Host` and
 * `X-Forwarded-Proto` when a proxy set them, else `Host`; `null` when no
 * well-formed host is given. Any client can write these headers, so this
 * grants no access by itself: it only tells a browser's own pages apart
 * from another site's, as a browser cannot add them to a cross-site request.
 */
export function requestOrigin(headers: HeaderReader): string | null {
  const host = first(headers.get("x-forwarded-host")) ?? headers.get("host");
  const proto = first(headers.get("x-forwarded-proto"))?.toLowerCase();
  if (!host || !HOST.test(host)) return null;

  return `${proto === "https" ? "https" : "http"}://${host}`;
}

function first(value: string | null): string | undefined {
  return value?.split(",")[0]?.trim() || undefined;
}
