import type { LoadResult } from "../http/load-result";
import { format } from "../report/format";
import type { Section } from "../report/section";

export interface RedisFigures {
  unique: LoadResult;
  memory: LoadResult;
  /** INFO commandstats calls during the measured run (every client). */
  calls: Record<string, number>;
  /** The server's own writes to Redis, by first command. */
  writes: Record<string, number>;
  loadAverage: number[];
  prefix: string;
}

/** Section 4 from the Redis run's figures. */
export function redisReport(f: RedisFigures): Section {
  const deliveries = f.unique.responses;
  const each = (n: number) => (n / deliveries).toFixed(2);
  const ratio = f.unique.perSecond / f.memory.perSecond;
  const sum = (counts: Record<string, number>) =>
    Object.values(counts).reduce((total, n) => total + n, 0);
  const applies = (f.writes.evalsha ?? 0) + (f.writes.eval ?? 0);
  const listed = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([, a], [, b]) => b - a)
      .map(([name, n]) => `${name.toUpperCase()} ${each(n)}`)
      .join(", ");

  return {
    title: "4. Redis mode",
    method: `The production server with \`REDIS_URL\` (127.0.0.1:6379 unless \`REDIS_URL\` is set; key prefix \`${f.prefix}\`, deleted afterwards) under the same unique deliveries as section 1, against that section's memory-mode run. Round trips are the writes the server made to Redis's port during the measured run, counted by a preloaded hook (bench/redis/count-writes-preload.mjs) by their first command: a command, a pipeline or a transaction goes out as one write and is answered before the delivery goes on. \`INFO commandstats\` deltas cross-check them; they count every client of that Redis, so other work on it would show up there. Redis runs on the same two cores, beside the load generator.`,
    loadAverage: f.loadAverage,
    table: [
      ["mode", "statuses", "throughput", "p50", "p99"],
      row("memory (section 1)", f.memory),
      row("Redis", f.unique),
    ],
    notes: [
      `Redis ÷ memory throughput: **${format.ratio(ratio)}**.`,
      `Writes to Redis per delivery: **${each(sum(f.writes))}**, by first command: ${listed(f.writes)}. \`EVALSHA\` is the registry's apply, the one round trip a delivery waits for; \`MULTI\` is the delivery log's \`MULTI LPUSH … LTRIM EXEC\`, written behind the deliveries once per 50 ms window for all the reports of that window.`,
      `Commands Redis ran per delivery (commandstats): ${listed(f.calls)}; ${each(sum(f.calls))} in all.`,
    ],
    budgets: [
      {
        name: "Redis-mode throughput vs memory mode",
        target: "≥ 0.8×",
        measured: format.ratio(ratio),
        met: ratio >= 0.8,
      },
      {
        name: "Redis round trips per delivery: registry apply",
        target: "1",
        measured: each(applies),
        met: Math.abs(applies / deliveries - 1) < 0.05,
      },
      {
        name: "Redis round trips per delivery: all writes",
        target: "1",
        measured: each(sum(f.writes)),
        met: Math.abs(sum(f.writes) / deliveries - 1) < 0.05,
      },
    ],
    figures: { ...f, ratio, deliveries },
  };
}

function row(label: string, r: LoadResult): string[] {
  return [
    label,
    Object.entries(r.statuses)
      .map(([s, n]) => `${s}: ${format.count(n)}`)
      .join(", "),
    format.rate(r.perSecond),
    format.ms(r.p50Ms),
    format.ms(r.p99Ms),
  ];
}
