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
