import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { E2bApi } from "../e2b-api/client";
import type { SandboxManager } from "../registry/sandbox-manager";
import { MemoryCheckpointStore, type CheckpointStore } from "./checkpoint";
import { MemoryReconcileLock, type ReconcileLock } from "./lock";
import { reconcile } from "./reconcile";
import { RedisCheckpointStore } from "./redis-checkpoint";
import { RedisReconcileLock } from "./redis-lock";
import { ReconcileScheduler } from "./scheduler";

export interface ReconcilerSettings {
  apiKey: string;
  apiUrl: string;
  /** 0 reconciles only when asked (`POST /api/reconcile`). */
  intervalMs: number;
  lookbackMs: number;
}

export interface ReconcilerParts {
  settings: ReconcilerSettings;
  manager: SandboxManager;
  logger: Logger;
  /** Shares the lock and checkpoint between replicas (Redis mode). */
  redis?: { client: Redis; prefix: string };
  /** Called after a run that changed the registry (wakes live views). */
  onChange?: () => void;
}

const API_TIMEOUT_MS = 10_000;

/**
 * Wires reconciliation for one process: E2B's API, the registry, and a lock
 * and checkpoint in memory, or in Redis when replicas share the registry.
 * Call `start()` on the result to begin the schedule.
 */
export function createReconciler(parts: ReconcilerParts): ReconcileScheduler {
  const { settings, manager, logger, redis } = parts;
  const api = new E2bApi({
    apiKey: settings.apiKey,
    baseUrl: settings.apiUrl,
    timeoutMs: API_TIMEOUT_MS,
  });
  const lock: ReconcileLock = redis
    ? new RedisReconcileLock(redis.client, `${redis.prefix}reconcile:lock`)
    : new MemoryReconcileLock();
  const checkpoints: CheckpointStore = redis
    ? new RedisCheckpointStore(
        redis.client,
        `${redis.prefix}reconcile:checkpoint`,
      )
    : new MemoryCheckpointStore();

  return new ReconcileScheduler({
    intervalMs: settings.intervalMs,
    logger,
    run: async () => {
      const result = await reconcile({
        api,
        manager,
        checkpoints,
        lock,
        logger,
        lookbackMs: settings.lookbackMs,
      });
      if (result.ok && result.counts.applied > 0) parts.onChange?.();
      return result;
    },
  });
}
