import type { Logger } from "pino";
import type { ReconcileResult } from "./reconcile-result";

export interface RunTiming {
  durationMs: number;
  nextInMs: number;
  /** The run before this one, to tell a new failure from a repeated one. */
  previous: ReconcileResult | null;
}

/** One line per run: counts on success, the reason on failure. */
export function logRun(
  logger: Logger,
  result: ReconcileResult,
  { durationMs, nextInMs, previous }: RunTiming,
): void {
  const fields = { durationMs, nextInSeconds: Math.round(nextInMs / 1000) };
  if (result.ok && result.truncated) {
    const { from, to } = result.unread;
    logger.warn(
      {
        ...fields,
        ...result.counts,
        truncated: true,
        unreadFrom: from,
        unreadTo: to,
      },
      `reconcile: ${result.counts.applied} applied of ${result.counts.fetched} fetched, truncated after ${result.counts.pages} pages: events from ${from} to ${to} were not read and will not be retried`,
    );
  } else if (result.ok) {
    logger.info(
      { ...fields, ...result.counts, truncated: false },
      `reconcile: ${result.counts.applied} applied of ${result.counts.fetched} fetched`,
    );
  } else if (result.reason === "locked") {
    logger.debug(fields, "reconcile: another replica is running it");
  } else if (result.reason === "lock_lost") {
    logger.warn(
      { ...fields, reason: result.reason },
      `reconcile: ${result.message}`,
    );
  } else if (result.reason === "e2b_unauthorized") {
    logUnauthorized(logger, { ...fields, detail: result.message }, previous);
  } else {
    logger.warn(
      { ...fields, reason: result.reason, detail: result.message },
      `reconcile failed (${result.reason}); retrying`,
    );
  }
}

// Said once per streak: the same error every interval would bury the rest
// of the log while nothing changes until someone fixes the key.
function logUnauthorized(
  logger: Logger,
  fields: Record<string, unknown>,
  previous: ReconcileResult | null,
): void {
  const reason = "e2b_unauthorized";
  if (previous && !previous.ok && previous.reason === reason) {
    logger.debug({ ...fields, reason }, "reconcile: E2B still refuses the key");
    return;
  }
  logger.error(
    { ...fields, reason },
    "reconcile: E2B refused E2B_API_KEY (401). Check the key the server runs with (keys start with e2b_; create one at https://e2b.dev/dashboard?tab=keys) and restart; until then reconciliation retries at its normal interval",
  );
}
