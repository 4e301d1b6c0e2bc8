import type autocannon from "autocannon";

/** One load run's figures: throughput, latency and how it was answered. */
export interface LoadResult {
  scenario: string;
  connections: number;
  seconds: number;
  responses: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Responses by HTTP status. */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  madeLive: number;
}

/**
 * Figures from autocannon's result and every response time it reported
 * (autocannon's own histogram keeps whole milliseconds only).
 */
export function summarise(
  scenario: string,
  result: autocannon.Result,
  latencies: number[],
): Omit<LoadResult, "madeLive"> {
  const sorted = Float64Array.from(latencies).sort();
  const statuses: Record<string, number> = {};
  for (const [status, stats] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[status] = stats.count ?? 0;
  }
  const responses = sorted.length;

  return {
    scenario,
    connections: result.connections,
    seconds: result.duration,
    responses,
    perSecond: responses / result.duration,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.at(-1) ?? 0,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return 0;

  const index = Math.min(
    sorted.length - 1,
    Math.ceil(fraction * sorted.length) - 1,
  );
  return sorted[Math.max(0, index)] ?? 0;
}
