import type { Logger } from "pino";
import type { ApiError } from "../e2b-api/api-result";
import type { E2bApi } from "../e2b-api/client";
import type { SandboxEvent } from "../events/event";
import { eventTimeFromEpoch } from "../events/timestamp";
import type { SandboxManager } from "../registry/sandbox-manager";
import { orderKey } from "../registry/transition";
import { applyOldestFirst } from "./apply-events";
import type { Checkpoint, CheckpointStore } from "./checkpoint";
import { collectEvents } from "./collect-events";
import type { ReconcileLock } from "./lock";
import {
  storeUnavailable,
  type ReconcileCounts,
  type ReconcileResult,
} from "./reconcile-result";

export interface ReconcileDeps {
  api: Pick<E2bApi, "listSandboxEvents">;
  manager: Pick<SandboxManager, "apply">;
  checkpoints: CheckpointStore;
  lock: ReconcileLock;
  logger: Logger;
  /** How far back the first run looks. */
  lookbackMs: number;
  now?: () => number;
  lockTtlMs?: number;
  pageSize?: number;
}

// Later runs re-read this much before the checkpoint: events are published
// from many nodes and may appear in the events API a little out of order.
export const CHECKPOINT_OVERLAP_MS = 5 * 60_000;
const DEFAULT_LOCK_TTL_MS = 5 * 60_000;

/**
 * Catches the registry up with E2B's events API once: collects the events
 * since the last run (or the lookback), then applies them oldest first
 * through the registry's usual rules. Event ids make a repeat harmless.
 */
export async function reconcile(deps: ReconcileDeps): Promise<ReconcileResult> {
  let lease;
  try {
    lease = await deps.lock.acquire(deps.lockTtlMs ?? DEFAULT_LOCK_TTL_MS);
  } catch (error) {
    return storeUnavailable("the reconcile lock", error);
  }
  if (lease === null) {
    return {
      ok: false,
      reason: "locked",
      message: "Another replica is reconciling",
    };
  }

  try {
    return await reconcileLocked(deps);
  } finally {
    await lease.release().catch((error: unknown) => {
      deps.logger.warn({ err: error }, "reconcile: releasing the lock failed");
    });
  }
}

async function reconcileLocked(deps: ReconcileDeps): Promise<ReconcileResult> {
  const nowMs = (deps.now ?? Date.now)();
  let checkpoint: Checkpoint | null;
  try {
    checkpoint = await deps.checkpoints.read();
  } catch (error) {
    return storeUnavailable("the reconcile checkpoint", error);
  }

  const sinceMs = checkpoint
    ? checkpoint.epochMs - CHECKPOINT_OVERLAP_MS
    : nowMs - deps.lookbackMs;
  const collected = await collectEvents({
    api: deps.api,
    boundaryKey: eventTimeFromEpoch(sinceMs).key,
    nowMs,
    pageSize: deps.pageSize,
  });
  if (!collected.ok) return e2bFailure(collected.error);

  for (const record of collected.invalid) {
    deps.logger.warn(
      { eventId: record.id, issues: record.issues },
      "reconcile: skipped an invalid event record",
    );
  }

  const events = collected.events;
  const counts: ReconcileCounts = {
    fetched: events.length,
    applied: 0,
    duplicate: 0,
    stale: 0,
    ignored: 0,
    invalid: collected.invalid.length,
    pages: collected.pages,
  };
  try {
    await applyOldestFirst(deps.manager, events, counts);
    const next = newestOf(events, nowMs);
    if (next && (!checkpoint || next.timeKey > checkpoint.timeKey)) {
      await deps.checkpoints.write(next);
    }
  } catch (error) {
    return storeUnavailable("the registry", error);
  }

  return { ok: true, counts, truncated: collected.truncated };
}

// A refused key is a setting to fix, not an outage to wait out.
function e2bFailure(error: ApiError): ReconcileResult {
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

// An event stamped in the future (a skewed clock) must not move the
// checkpoint past events that have yet to appear.
function newestOf(events: SandboxEvent[], nowMs: number): Checkpoint | null {
  let newest: SandboxEvent | undefined;
  for (const event of events) {
    if (!newest || orderKey(event) > orderKey(newest)) newest = event;
  }
  if (!newest) return null;

  const epochMs = Math.min(newest.time.epochMs, nowMs);
  const timeKey =
    epochMs === newest.time.epochMs
      ? newest.time.key
      : eventTimeFromEpoch(epochMs).key;
  return { eventId: newest.id, timeKey, epochMs };
}
