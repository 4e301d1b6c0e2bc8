import type { Logger } from "pino";
import type { ReconcileResult } from "./reconcile-result";

/** One line per run: counts on success, the reason on failure. */
export function logRun(
  logger: Logger,
  result: ReconcileResult,
  durationMs: number,
  nextInMs: number,
): void {
  const fields = { durationMs, nextInSeconds: Math.round(nextInMs / 1000) };
  if (result.ok) {
    const level = result.truncated ? "warn" : "info";
    logger[level](
      { ...fields, ...result.counts, truncated: result.truncated },
      `reconcile: ${result.counts.applied} applied of ${result.counts.fetched} fetched`,
    );
  } else if (result.reason === "locked") {
    logger.debug(fields, "reconcile: another replica is running it");
  } else {
    logger.warn(
      { ...fields, reason: result.reason, detail: result.message },
      `reconcile failed (${result.reason}); retrying`,
    );
  }
}
