import type { Logger } from "pino";
import { errorResponse } from "../http/error-response";
import type { AdminAccess } from "./authorize";

/** One stable code per way an admin request can fail. */
export type AdminErrorCode =
  | "unauthorized"
  | "admin_disabled"
  | "invalid_state"
  | "invalid_limit"
  | "sandbox_not_found"
  | "invalid_sign_in"
  | "payload_too_large"
  | "cross_origin"
  | "rate_limited"
  | "unavailable";

const STATUS: Record<AdminErrorCode, number> = {
  unauthorized: 401,
  admin_disabled: 403,
  invalid_state: 400,
  invalid_limit: 400,
  sandbox_not_found: 404,
  invalid_sign_in: 400,
  payload_too_large: 413,
  cross_origin: 403,
  rate_limited: 429,
  unavailable: 503,
};

/** A JSON error in the webhook route's shape: `{ success, error, message }`. */
export function adminError(
  error: AdminErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return errorResponse(STATUS[error], error, message, headers);
}

/** The answer when the registry or delivery log cannot be read. */
export function storeUnavailable(logger: Logger, error: unknown): Response {
  logger.error({ err: error }, "admin read failed: store unavailable");
  return adminError("unavailable", "The registry is unavailable; retry later");
}

/** The answer to a request that `authorizeAdmin` refused. */
export function adminDenied(
  access: Extract<AdminAccess, { ok: false }>,
): Response {
  if (access.error === "admin_disabled") {
    return adminError(
      "admin_disabled",
      "The admin API is off: set WEBHOOK_ADMIN_TOKEN to turn it on",
    );
  }

  return adminError(
    "unauthorized",
    "Send Authorization: Bearer <WEBHOOK_ADMIN_TOKEN> or sign in at /",
    { "www-authenticate": 'Bearer realm="e2b-webhook-admin"' },
  );
}
