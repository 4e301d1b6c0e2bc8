import type { Config } from "../config/config";
import type { DeliveryReport } from "../pipeline/report-delivery";
import type { Sandbox } from "../registry/sandbox";
import type { SandboxManager } from "../registry/sandbox-manager";
import { byRecentActivity } from "../admin/sandbox-order";
import type { DeliveryLog } from "./delivery-log";
import type { DeliveryTotals, Metrics } from "./metrics";

/** Enough rows for a screen; the API has the rest. */
export const SNAPSHOT_SANDBOXES = 200;
export const SNAPSHOT_DELIVERIES = 50;

/** Everything the dashboard shows, as plain JSON. */
export interface DashboardSnapshot {
  /** Most recent activity first, at most `SNAPSHOT_SANDBOXES`. */
  sandboxes: Sandbox[];
  sandboxCount: { total: number; running: number; paused: number };
  /** Newest first, at most `SNAPSHOT_DELIVERIES`. */
  deliveries: DeliveryReport[];
  totals: DeliveryTotals;
  receiver: {
    store: "memory" | "redis";
    secretConfigured: boolean;
    startedAt: string;
    deliveryLogSize: number;
  };
}

export interface SnapshotSource {
  config: Pick<Config, "secrets" | "deliveryLogSize">;
  manager: Pick<SandboxManager, "list" | "storeKind">;
  deliveryLog: DeliveryLog;
  metrics: Pick<Metrics, "totals">;
  startedAt: number;
}

/** Reads the dashboard's data from the runtime. Rejects if the store does. */
export async function loadSnapshot(
  source: SnapshotSource,
): Promise<DashboardSnapshot> {
  const [sandboxes, deliveries, totals] = await Promise.all([
    source.manager.list(),
    source.deliveryLog.recent(SNAPSHOT_DELIVERIES),
    source.metrics.totals(),
  ]);
  const paused = sandboxes.filter((s) => s.state === "paused").length;

  return {
    sandboxes: byRecentActivity(sandboxes).slice(0, SNAPSHOT_SANDBOXES),
    sandboxCount: {
      total: sandboxes.length,
      running: sandboxes.length - paused,
      paused,
    },
    deliveries,
    totals,
    receiver: {
      store: source.manager.storeKind,
      secretConfigured: source.config.secrets.length > 0,
      startedAt: new Date(source.startedAt).toISOString(),
      deliveryLogSize: source.config.deliveryLogSize,
    },
  };
}
