import type { PayloadIssue } from "../events/normalise";
import type { Outcome } from "../registry/transition";

/** One stable code per way a delivery can fail. */
export type ErrorCode =
  | "payload_too_large"
  | "request_timeout"
  | "request_aborted"
  | "not_configured"
  | "missing_signature"
  | "invalid_signature"
  | "invalid_json"
  | "invalid_payload"
  | "unavailable"
  | "rate_limited";

export interface SuccessBody {
  success: true;
  outcome: Outcome;
  message: string;
  eventId: string;
  eventType: string;
  sandboxId: string;
  timestamp: string;
}

export interface ErrorBody {
  success: false;
  error: ErrorCode;
  message: string;
  issues?: PayloadIssue[];
}

/** The answer to one delivery, plus what the log needs to know about it. */
export interface DeliveryResult {
  status: number;
  body: SuccessBody | ErrorBody;
  headers?: Record<string, string>;
  /** Detail for the log only: never sent back to the client. */
  detail?: string;
  /** A repeat of a refusal already logged: count it, do not log it. */
  quiet?: boolean;
}

const STATUS: Record<ErrorCode, number> = {
  payload_too_large: 413,
  request_timeout: 408,
  // The client has gone and will not read it; 400 keeps it out of the 5xx
  // a server fault would count as.
  request_aborted: 400,
  not_configured: 500,
  missing_signature: 401,
  invalid_signature: 401,
  invalid_json: 400,
  invalid_payload: 400,
  unavailable: 503,
  rate_limited: 429,
};

export function failure(
  error: ErrorCode,
  message: string,
  extra: Pick<DeliveryResult, "detail" | "headers"> & {
    issues?: PayloadIssue[];
  } = {},
): DeliveryResult {
  const { issues, ...rest } = extra;
  const body: ErrorBody = { success: false, error, message };
  if (issues) body.issues = issues;

  return { status: STATUS[error], body, ...rest };
}
