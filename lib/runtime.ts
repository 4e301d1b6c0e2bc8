import type { Logger } from "pino";
import { loadConfig, type Config } from "./config/config";
import { createLogger } from "./log/logger";
import { ChangeFeed } from "./observability/change-feed";
import type { DeliveryLog } from "./observability/delivery-log";
import { MemoryDeliveryLog } from "./observability/memory-delivery-log";
import { createMetrics, type Metrics } from "./observability/metrics";
import { MemoryStore } from "./registry/memory-store";
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

  const store = new MemoryStore({
    tombstoneTtlMs: config.tombstoneTtlMs,
    tombstoneMaxEntries: config.tombstoneMaxEntries,
    idempotencyTtlMs: Math.max(
      config.maxEventAgeMs ?? 0,
      config.tombstoneTtlMs,
    ),
    idempotencyMaxEntries: config.idempotencyMaxEntries,
  });
  const manager = new SandboxManager({
    store,
    logger,
    maxEventAgeMs: config.maxEventAgeMs,
  });

  const deliveryLog = new MemoryDeliveryLog(config.deliveryLogSize);
  const metrics = createMetrics({ manager, logger });

  return {
    config,
    logger,
    manager,
    deliveryLog,
    metrics,
    changes: new ChangeFeed(),
    startedAt: Date.now(),
  };
}
