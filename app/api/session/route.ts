import { adminDenied, adminError } from "@/lib/admin/admin-error";
import { crossOriginRefused, isCrossOrigin } from "@/lib/admin/cross-origin";
import { countFailedAdminAuth } from "@/lib/admin/failed-auth";
import { createSession } from "@/lib/admin/session";
import {
  clearedSessionCookie,
  isHttps,
  sessionCookie,
} from "@/lib/admin/session-cookie";
import { isFormPost, readSignIn } from "@/lib/admin/sign-in";
import { isAdminToken } from "@/lib/admin/token";
import { jsonResponse } from "@/lib/http/json-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getRuntime } from "@/lib/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const { OPTIONS, GET, HEAD, PUT, PATCH } = otherMethods([
  "POST",
  "DELETE",
]);

/**
 * Signs in: exchanges the admin token for a session cookie. The dashboard's
 * form gets redirects back to `/`; scripts sending JSON get JSON. Wrong
 * tokens count toward the failed-auth limit (then 429 rate_limited), and a
 * form posted from another site is refused (403 cross_origin).
 */
export async function POST(request: Request): Promise<Response> {
  if (isCrossOrigin(request)) return crossOriginRefused();

  const current = getRuntime();
  const { config } = current;
  const form = isFormPost(request);
  if (config.adminToken === null) {
    return form
      ? seeOther("/")
      : adminDenied({ ok: false, error: "admin_disabled" });
  }

  const signIn = await readSignIn(request);
  if (!signIn.ok) {
    if (form) return seeOther("/?sign-in=invalid");
    return signIn.error === "payload_too_large"
      ? adminError("payload_too_large", "A sign-in body is one short token")
      : adminError(
          "invalid_sign_in",
          'Send the token as form field "token" or JSON {"token": "..."}',
        );
  }

  if (!isAdminToken(config.adminToken, signIn.token)) {
    const limited = await countFailedAdminAuth(request.headers, current);
    if (limited) return limited;
    if (form) return seeOther("/?sign-in=failed");
    return adminError("unauthorized", "That is not the admin token");
  }

  const session = createSession(config.adminToken, Date.now());
  const headers = {
    "set-cookie": sessionCookie(
      session.value,
      session.expiresAtMs - Date.now(),
      isHttps(request),
    ),
  };
  if (form) return seeOther("/", headers);

  const expiresAt = new Date(session.expiresAtMs).toISOString();
  return jsonResponse(200, { success: true, expiresAt }, headers);
}

/** Signs out: removes the session cookie from this browser. */
export function DELETE(request: Request): Response {
  if (isCrossOrigin(request)) return crossOriginRefused();

  return jsonResponse(
    200,
    { success: true, message: "Signed out" },
    { "set-cookie": clearedSessionCookie(isHttps(request)) },
  );
}

// A relative Location: behind a proxy, request.url may name an inner host.
function seeOther(
  location: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(null, {
    status: 303,
    headers: { location, "cache-control": "no-store", ...headers },
  });
}
