import type { ApiError } from "./api-result";
import { displayUrl } from "./display-url";
import { e2bErrorSchema, type E2bError } from "./schemas";

/** The error for a non-2xx answer, with E2B's `{ code, message }` when sent. */
export function answerError(status: number, text: string): ApiError {
  const e2b = parseE2bError(text);
  const detail = e2b?.message ?? (text.trim().slice(0, 200) || "no message");
  const reason =
    status === 401
      ? "unauthorized"
      : status === 404
        ? "not_found"
        : "api_error";

  return {
    reason,
    status,
    message: `E2B answered ${status}: ${detail}`,
    ...(e2b && { e2b }),
  };
}

function parseE2bError(text: string): E2bError | null {
  try {
    const parsed = e2bErrorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The error for a call that got no answer at all. It names the base URL as
 * configured, path included, so a proxy prefix shows in the message.
 */
export function transportError(
  error: unknown,
  baseUrl: string,
  timeoutMs: number,
): ApiError {
  const where = displayUrl(baseUrl);
  if (error instanceof Error && error.name === "TimeoutError") {
    return {
      reason: "timeout",
      message: `E2B at ${where} did not answer within ${timeoutMs} ms`,
    } satisfies ApiError;
  }

  return {
    reason: "network_error",
    message: `Could not reach E2B at ${where}: ${describeCause(error)}`,
  } satisfies ApiError;
}

// fetch reports "fetch failed" and keeps the useful part (ECONNREFUSED,
// ENOTFOUND, a TLS error) in `cause`.
function describeCause(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code ? `${code} (${cause.message})` : cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}
