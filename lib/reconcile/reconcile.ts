import type { Logger } from "pino";
import type { E2bApi } from "../e2b-api/client";
import { eventTimeFromEpoch } from "../events/timestamp";
import type { SandboxManager } from "../registry/sandbox-manager";
import { applyOldestFirst } from "./apply-events";
import type { Checkpoint, CheckpointStore } from "./checkpoint";
import { collectEvents } from "./collect-events";
import { LeaseKeeper } from "./lease-keeper";
import type { LockLease, ReconcileLock } from "./lock";
import { newestCheckpoint } from "./newest-checkpoint";
import {
  e2bFailure,
  lockLost,
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
  /** Renewed every third of it while the run lasts. */
  lockTtlMs?: number;
  pageSize?: number;
  /** Pages one run reads at most; see `truncated` in the result. */
  maxPages?: number;
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
  const ttlMs = deps.lockTtlMs ?? DEFAULT_LOCK_TTL_MS;
  const askedAt = Date.now();
  let lease: LockLease | null;
  try {
    lease = await deps.lock.acquire(ttlMs);
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

  const keeper = new LeaseKeeper(lease, ttlMs, deps.logger, askedAt);
  try {
    return await reconcileLocked(deps, keeper);
  } finally {
    keeper.stop();
    await lease.release().catch((error: unknown) => {
      deps.logger.warn({ err: error }, "reconcile: releasing the lock failed");
    });
  }
}

async function reconcileLocked(
  deps: ReconcileDeps,
  keeper: LeaseKeeper,
): Promise<ReconcileResult> {
  const nowMs = (deps.now ?? Date.now)();
  const lost = () => keeper.lost;
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
    maxPages: deps.maxPages,
    shouldStop: lost,
  });
  if (!collected.ok) {
    return collected.stopped
      ? lockLost(keeper.lossReason)
      : e2bFailure(collected.error);
  }

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
    // Events applied before a loss stay applied: the next run repeats them
    // as harmless duplicates. Only the checkpoint must not move.
    const finished = await applyOldestFirst(deps.manager, events, counts, lost);
    if (!finished || keeper.lost) return lockLost(keeper.lossReason);

    // A truncated run moves the checkpoint too (see README, "How
    // reconciliation keeps the registry right"): held back, every later run
    // would read the same newest pages again and stay truncated, never
    // reaching the older part either. The unread window is reported instead.
    const next = newestCheckpoint(events, nowMs);
    if (next) await deps.checkpoints.advance(next);
  } catch (error) {
    return storeUnavailable("the registry", error);
  }

  return collected.unread
    ? { ok: true, counts, truncated: true, unread: collected.unread }
    : { ok: true, counts, truncated: false };
}
