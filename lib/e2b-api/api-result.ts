import type { E2bError } from "./schemas";

/** One stable code per way a call to E2B's API can fail. */
export type ApiErrorReason =
  | "unauthorized"
  | "not_found"
  | "api_error"
  | "network_error"
  | "timeout"
  | "invalid_response";

export interface ApiError {
  reason: ApiErrorReason;
  /** What went wrong, written for the person reading a log or a terminal. */
  message: string;
  /** The HTTP status, when E2B answered at all. */
  status?: number;
  /** E2B's `{ code, message }`, when it sent one. */
  e2b?: E2bError;
}

export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; error: ApiError };

export function success<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function failed<T = never>(error: ApiError): ApiResult<T> {
  return { ok: false, error };
}
