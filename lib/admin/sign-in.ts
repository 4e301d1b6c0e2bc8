import { readBody } from "../http/read-body";

/** A sign-in body is one short token; anything bigger is not a sign-in. */
export const MAX_SIGN_IN_BYTES = 4096;

export type SignInRequest =
  | { ok: true; token: string }
  | { ok: false; error: "payload_too_large" | "invalid_sign_in" };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Whether a request came from the HTML sign-in form (answered with
 * redirects) rather than from a script (answered with JSON).
 */
export function isFormPost(request: Request): boolean {
  const type = request.headers.get("content-type") ?? "";
  return type.toLowerCase().startsWith("application/x-www-form-urlencoded");
}

/**
 * Reads the token from a sign-in request: `token=...` form-encoded, as the
 * dashboard's form sends it, or `{ "token": "..." }` as JSON.
 */
export async function readSignIn(request: Request): Promise<SignInRequest> {
  const body = await readBody(request, MAX_SIGN_IN_BYTES);
  if (!body.ok) return { ok: false, error: "payload_too_large" };

  let text: string;
  try {
    text = utf8.decode(body.bytes);
  } catch {
    return { ok: false, error: "invalid_sign_in" };
  }

  const token = isFormPost(request)
    ? new URLSearchParams(text).get("token")
    : tokenFromJson(text);
  const trimmed = token?.trim() ?? "";
  if (trimmed === "") return { ok: false, error: "invalid_sign_in" };

  return { ok: true, token: trimmed };
}

function tokenFromJson(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return null;

    const token: unknown = Reflect.get(value, "token");
    return typeof token === "string" ? token : null;
  } catch {
    return null;
  }
}
