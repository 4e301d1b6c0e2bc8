import type { HeaderReader } from "../signature/verify";

const FALLBACK = "http://localhost:3000";
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * The origin a browser used to reach us (through a proxy when it sent
 * `X-Forwarded-*`), for showing URLs to the user; never for access checks.
 */
export function publicOrigin(headers: HeaderReader): string {
  const host = first(headers.get("x-forwarded-host")) ?? headers.get("host");
  const proto = first(headers.get("x-forwarded-proto"))?.toLowerCase();
  if (!host || !HOST.test(host)) return FALLBACK;

  return `${proto === "https" ? "https" : "http"}://${host}`;
}

function first(value: string | null): string | undefined {
  return value?.split(",")[0]?.trim() || undefined;
}
