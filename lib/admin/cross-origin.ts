import { adminError } from "./admin-error";
import { requestOrigin } from "./public-origin";

// Browsers send one of these on every request; only our own pages'
// requests are "same-origin" (or "none", typed by the user).
const FOREIGN_SITES = new Set(["cross-site", "same-site"]);

/**
 * Whether a browser sent this request from a page that is not ours. The
 * session cookie is `SameSite=Strict`, but a sibling subdomain is the same
 * site and still gets it sent, so a change made with the cookie must also
 * come from our own origin. Scripts and curl send neither header and pass.
 * Behind a proxy, the proxy must pass the browser's `Host` or set
 * `X-Forwarded-Host` and `X-Forwarded-Proto`.
 */
export function isCrossOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site")?.toLowerCase();
  if (site && FOREIGN_SITES.has(site)) return true;

  const origin = request.headers.get("origin");
  if (origin === null) return false;

  const own = [request.url, requestOrigin(request.headers)].map(originOf);
  const sent = originOf(origin);
  return sent === null || !own.includes(sent);
}

/** The answer to a request `isCrossOrigin` refused. */
export function crossOriginRefused(): Response {
  return adminError(
    "cross_origin",
    "Requests from another site are refused: use this receiver's own dashboard, or send Authorization: Bearer <token> without a cookie",
  );
}

// Scheme, host and port as URL spells them: "null" and junk are no origin.
function originOf(value: string | null): string | null {
  if (!value || !URL.canParse(value)) return null;

  const origin = new URL(value).origin;
  return origin === "null" ? null : origin;
}
