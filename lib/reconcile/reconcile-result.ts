import type { ApiError } from "../e2b-api/api-result";

/** What one run did. `fetched` = applied + duplicate + stale + ignored. */
export interface ReconcileCounts {
  fetched: number;
  applied: number;
  duplicate: number;
  stale: number;
  ignored: number;
  /** Records the normaliser refused; logged, never applied. */
  invalid: number;
  pages: number;
}

/**
 * The part of the window a truncated run did not read: events timed from
 * `from` (where the run meant to stop) up to `to` (the oldest event it
 * reached). Both are time keys (RFC 3339, UTC).
 */
export interface UnreadWindow {
  from: string;
  to: string;
}

export type ReconcileResult =
  | { ok: true; counts: ReconcileCounts; truncated: false }
  | {
      ok: true;
      counts: ReconcileCounts;
      /** The page cap ran out before the run reached its boundary. */
      truncated: true;
      unread: UnreadWindow;
    }
  | { ok: false; reason: "locked"; message: string }
  | { ok: false; reason: "lock_lost"; message: string }
  | { ok: false; reason: "e2b_unavailable"; message: string; error: ApiError }
  | { ok: false; reason: "e2b_unauthorized"; message: string; error: ApiError }
  | { ok: false; reason: "store_unavailable"; message: string }
  | { ok: false; reason: "internal_error"; message: string };

/** A failure of a part this process does not control. */
export function storeUnavailable(
  what: string,
  error: unknown,
): ReconcileResult {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    reason: "store_unavailable",
    message: `Could not reach ${what}: ${detail}`,
  };
}

/** The run stopped because its lock lease was lost mid-run. */
export function lockLost(reason: string | null): ReconcileResult {
  return {
    ok: false,
    reason: "lock_lost",
    message: `Lost the reconcile lock mid-run (${reason ?? "expired"}); stopped without moving the checkpoint`,
  };
}

// A refused key is a setting to fix, not an outage to wait out.
export function e2bFailure(error: ApiError): ReconcileResult {
  if (error.reason === "unauthorized") {
    const message = `E2B refused E2B_API_KEY: ${error.message}`;
    return { ok: false, reason: "e2b_unauthorized", message, error };
  }
  return {
    ok: false,
    reason: "e2b_unavailable",
    message: error.message,
    error,
  };
}
