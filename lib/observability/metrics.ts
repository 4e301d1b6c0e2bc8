import type { Logger } from "pino";
import {
  Counter,
  Gauge,
  Histogram,
  Registry,
  type MetricObjectWithValues,
  type MetricValue,
} from "prom-client";
import { isLifecycleEventType } from "../events/types";
import type { DeliveryReport } from "../pipeline/report-delivery";
import type { SandboxManager } from "../registry/sandbox-manager";
import { processRegistry } from "./process-metrics";

/** Deliveries since this process started, by how they were answered. */
export interface DeliveryTotals {
  received: number;
  /** 2xx: applied, duplicate, stale or ignored. */
  accepted: number;
  /** 4xx: refused as the client's mistake (signature, body, limits). */
  rejected: number;
  /** 5xx: the receiver could not take it; E2B retries. */
  failed: number;
}

export interface Metrics {
  readonly contentType: string;
  observeDelivery(report: DeliveryReport): void;
  totals(): Promise<DeliveryTotals>;
  /** The Prometheus text exposition: receiver and process metrics. */
  render(): Promise<string>;
}

export interface MetricsOptions {
  manager: Pick<SandboxManager, "list">;
  logger: Logger;
}

const DURATION_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
];

/**
 * The receiver's Prometheus metrics on a registry of their own. Every label
 * value comes from a closed set (our codes, known event types, statuses),
 * so no client input can grow the number of series.
 */
export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  const deliveries = new Counter({
    name: "e2b_webhook_deliveries_total",
    help: "Webhook deliveries answered, by outcome or error code, HTTP status and event type",
    labelNames: ["outcome", "status", "event_type"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "e2b_webhook_delivery_duration_seconds",
    help: "Time from reading a delivery to answering it, by outcome or error code",
    labelNames: ["outcome"] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  registerSandboxGauge(registry, options);

  return {
    contentType: registry.contentType,
    observeDelivery(report) {
      deliveries.inc({
        outcome: report.outcome,
        status: String(report.status),
        event_type: eventTypeLabel(report.eventType),
      });
      duration.observe({ outcome: report.outcome }, report.durationMs / 1000);
    },
    totals: async () => totalsOf(await deliveries.get()),
    render: () => Registry.merge([processRegistry(), registry]).metrics(),
  };
}

// Counted when scraped, from the registry itself, so the gauge is right in
// Redis mode too, where other replicas change the registry.
function registerSandboxGauge(registry: Registry, options: MetricsOptions) {
  new Gauge({
    name: "e2b_webhook_sandboxes",
    help: "Sandboxes in the registry, by state",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      try {
        const sandboxes = await options.manager.list();
        const paused = sandboxes.filter((s) => s.state === "paused").length;
        this.set({ state: "running" }, sandboxes.length - paused);
        this.set({ state: "paused" }, paused);
      } catch (error) {
        this.reset();
        options.logger.warn({ err: error }, "metrics: registry unavailable");
      }
    },
  });
}

function totalsOf(metric: MetricObjectWithValues<MetricValue<string>>) {
  const totals: DeliveryTotals = {
    received: 0,
    accepted: 0,
    rejected: 0,
    failed: 0,
  };
  for (const { labels, value } of metric.values) {
    const status = Number(labels.status);
    totals.received += value;
    if (status < 400) totals.accepted += value;
    else if (status < 500) totals.rejected += value;
    else totals.failed += value;
  }
  return totals;
}

function eventTypeLabel(type: string | null): string {
  if (type === null) return "none";
  return isLifecycleEventType(type) ? type : "other";
}
