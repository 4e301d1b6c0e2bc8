import type { Logger } from "pino";
import { loadConfig, type Config } from "./config/config";
import { createLogger } from "./log/logger";
import { ChangeFeed } from "./observability/change-feed";
import type { DeliveryLog } from "./observability/delivery-log";
import { createMetrics, type Metrics } from "./observability/metrics";
import { stampPeerAddresses } from "./rate-limit/client-address";
import {
  createDeliveryLimits,
  type DeliveryLimits,
} from "./rate-limit/delivery-limits";
import { createReconciler } from "./reconcile/create-reconciler";
import type { ReconcileScheduler } from "./reconcile/scheduler";
import { connectRedis } from "./redis/connect-redis";
import { createDeliveryLog } from "./redis/create-delivery-log";
import { createStore } from "./registry/create-store";
import { SandboxManager } from "./registry/sandbox-manager";

/** Everything one server process shares between requests. */
export interface Runtime {
  config: Config;
  logger: Logger;
  manager: SandboxManager;
  /** The recent deliveries, for the admin API and dashboard. */
  deliveryLog: DeliveryLog;
  metrics: Metrics;
  /** Wakes the dashboard's live stream after each delivery. */
  changes: ChangeFeed;
  /** Rate limits, counted in Redis when `REDIS_URL` is set. */
  limits: DeliveryLimits;
  /** Catches up from E2B's events API; `null` without E2B_API_KEY. */
  reconciler: ReconcileScheduler | null;
  startedAt: number;
}

// On globalThis so that Next.js dev reloads, which re-evaluate modules, keep
// the one registry of the process instead of starting an empty one.
const RUNTIME = Symbol.for("e2b-webhook.runtime");
type Holder = typeof globalThis & { [RUNTIME]?: Runtime };

/**
 * The process's runtime, created from the environment on first use. Throws
 * `ConfigError` when a setting is invalid.
 */
export function getRuntime(): Runtime {
  const holder = globalThis as Holder;
  holder[RUNTIME] ??= createRuntime(loadConfig());
  return holder[RUNTIME];
}

/** Drops the runtime so the next request reads the environment again (tests). */
export function resetRuntime(): void {
  delete (globalThis as Holder)[RUNTIME];
}

export function createRuntime(config: Config): Runtime {
  const logger = createLogger({
    format: config.logFormat,
    level: config.logLevel,
  });
  for (const warning of config.warnings) logger.warn(warning);

  stampPeerAddresses();
  const redis = config.redis && connectRedis({ ...config.redis, logger });
  const store = createStore(config, redis);
  const manager = new SandboxManager({
    store,
    logger,
    maxEventAgeMs: config.maxEventAgeMs,
  });

  const deliveryLog = createDeliveryLog(config, redis, logger);
  const metrics = createMetrics({ manager, logger });
  const changes = new ChangeFeed();

  return {
    config,
    logger,
    manager,
    deliveryLog,
    metrics,
    changes,
    limits: createDeliveryLimits(config, redis),
    reconciler:
      config.reconcile &&
      createReconciler({
        settings: config.reconcile,
        manager,
        logger,
        redis:
          redis && config.redis
            ? { client: redis, prefix: config.redis.prefix }
            : undefined,
        onChange: () => changes.publish(),
      }),
    startedAt: Date.now(),
  };
}
