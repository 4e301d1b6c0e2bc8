import type { ReconcileResult } from "./reconcile-result";

/** The first retry after a failed run; each further failure doubles it. */
export const FIRST_RETRY_MS = 5_000;

/**
 * How long to wait before the next run: the interval after a success, or
 * an exponential backoff after `failures` failures in a row, never longer
 * than the interval itself.
 */
export function nextRunDelayMs(
  failures: number,
  intervalMs: number,
  firstRetryMs: number = FIRST_RETRY_MS,
): number {
  if (failures <= 0) return intervalMs;

  const backoff = firstRetryMs * 2 ** Math.min(failures - 1, 30);
  return Math.min(backoff, intervalMs);
}

/**
 * How long to wait after `result`. A refused API key waits the full
 * interval: retrying within seconds cannot help until someone changes
 * E2B_API_KEY, and would only hammer E2B with a bad key.
 */
export function delayAfter(
  result: ReconcileResult,
  failures: number,
  intervalMs: number,
  firstRetryMs?: number,
): number {
  if (!result.ok && result.reason === "e2b_unauthorized") return intervalMs;

  return nextRunDelayMs(failures, intervalMs, firstRetryMs);
}
