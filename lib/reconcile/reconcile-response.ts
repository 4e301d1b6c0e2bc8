import type { ReconcileResult } from "./reconcile-result";

/** One stable code per way `POST /api/reconcile` can fail. */
export type ReconcileErrorCode =
  | "reconcile_disabled"
  | "reconcile_in_progress"
  | "reconcile_interrupted"
  | "e2b_unavailable"
  | "e2b_unauthorized"
  | "unavailable"
  | "internal_error";

export interface ReconcileAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * The answer when E2B_API_KEY is not set: 409, as the server's settings
 * refuse the request and retrying will not change that (a 503 would read
 * as a passing outage).
 */
export const RECONCILE_DISABLED: ReconcileAnswer = failure(
  409,
  "reconcile_disabled",
  "Reconciliation is off: set E2B_API_KEY on the server and restart it to read E2B's events API",
);

/**
 * Turns a run's result into the route's answer: 200 with the counts (and,
 * for a truncated run, the `unread` window), or the failure's code, in the
 * webhook route's `{ success, error, message }` shape.
 */
export function reconcileAnswer(result: ReconcileResult): ReconcileAnswer {
  if (result.ok) {
    const { counts, truncated } = result;
    const unread = result.truncated ? { unread: result.unread } : {};
    return {
      status: 200,
      body: { success: true, ...counts, truncated, ...unread },
    };
  }

  switch (result.reason) {
    case "locked":
      return failure(
        409,
        "reconcile_in_progress",
        "Another replica is reconciling; try again shortly",
      );
    case "lock_lost":
      return failure(
        409,
        "reconcile_interrupted",
        "The run lost its lock (another replica took over, or Redis could not renew it) and stopped without moving the checkpoint; try again shortly",
      );
    case "e2b_unavailable":
    case "e2b_unauthorized": {
      const { reason, status, e2b } = result.error;
      const answer = failure(502, result.reason, result.message);
      answer.body.e2b = { reason, status: status ?? null, ...e2b };
      return answer;
    }
    case "store_unavailable":
      return failure(
        503,
        "unavailable",
        "The registry is unavailable; retry later",
      );
    case "internal_error":
      return failure(
        500,
        "internal_error",
        "Reconciliation failed; see the server log",
      );
  }
}

function failure(
  status: number,
  error: ReconcileErrorCode,
  message: string,
): ReconcileAnswer {
  return { status, body: { success: false, error, message } };
}
