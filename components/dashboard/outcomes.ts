import type { ErrorCode } from "@/lib/pipeline/result";
import type { Outcome } from "@/lib/registry/transition";

/** What each delivery outcome or error code means, for people. */
// Typed by the codes themselves, so a new code cannot be left unexplained.
const MEANINGS: Record<Outcome | ErrorCode, string> = {
  applied: "Applied to the registry",
  duplicate: "Already applied (a retry)",
  stale: "Older than what the registry knows, or the sandbox was killed",
  ignored: "Event type not handled; acknowledged",
  missing_signature: "No signature header",
  invalid_signature: "Signature does not match the secret",
  invalid_json: "Body is not JSON",
  invalid_payload: "Body is not a lifecycle event",
  payload_too_large: "Body over WEBHOOK_MAX_BODY_BYTES",
  request_timeout: "Body did not arrive within 10 s",
  request_aborted: "Client disconnected before the body ended",
  not_configured: "E2B_WEBHOOK_SECRET is not set",
  unavailable: "Registry unavailable; E2B will retry",
  rate_limited: "Rate limited",
};

export function outcomeMeaning(outcome: string): string {
  const meanings: Readonly<Record<string, string>> = MEANINGS;
  return meanings[outcome] ?? outcome;
}

export type Severity = "ok" | "quiet" | "rejected" | "failed";

/** How loudly a delivery should show: rejections and failures stand out. */
export function severityOf(status: number, outcome: string): Severity {
  if (status >= 500) return "failed";
  if (status >= 400) return "rejected";
  return outcome === "applied" ? "ok" : "quiet";
}
