import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { deleteKeys } from "../../test/support/redis";
import type { BenchContext } from "../context";
import { loadOptions } from "../http/http-section";
import { runLoad } from "../http/load";
import type { LoadResult } from "../http/load-result";
import { startProduction } from "../http/production";
import { format } from "../report/format";
import { skippedSection, type Section } from "../report/section";
import { callsBetween, commandCalls } from "./commandstats";

const PRELOAD = new URL("count-writes-preload.mjs", import.meta.url).href;

/**
 * Section 4: the same unique deliveries with REDIS_URL set, against the
 * memory-mode figure of this run, and what each delivery asks of Redis.
 */
export async function redisSection(
  context: BenchContext,
  memory: LoadResult | null,
): Promise<Section> {
  const title = "4. Redis mode";
  const url = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  const redis = await connect(url);
  if (!redis) return skippedSection(title, `no Redis answers at ${url}`);

  const loadAverage = loadavg();
  const prefix = `bench:${randomUUID().slice(0, 8)}:`;
  const writesFile = join(tmpdir(), `bench-redis-writes-${process.pid}`);
  try {
    const measured = await measure(context, { url, prefix, writesFile, redis });
    const memoryMode = memory ?? (await measureMemoryMode(context));
    return buildSection({
      ...measured,
      memory: memoryMode,
      loadAverage,
      prefix,
    });
  } finally {
    await deleteKeys(url, prefix);
    redis.disconnect();
  }
}

async function measure(
  context: BenchContext,
  target: { url: string; prefix: string; writesFile: string; redis: Redis },
) {
  const server = await startProduction(
    context.standaloneDir,
    context.cores.server,
    {
      REDIS_URL: target.url,
      WEBHOOK_REDIS_PREFIX: target.prefix,
      WEBHOOK_FAILED_AUTH_LIMIT_PER_MINUTE: "1000000",
      NODE_OPTIONS: `--import ${PRELOAD}`,
      BENCH_REDIS_WRITES_FILE: target.writesFile,
    },
  );
  try {
    const options = {
      ...loadOptions(context),
      url: server.url,
      scenario: "unique" as const,
    };
    context.log(`redis: unique deliveries on ${server.url}`);
    await runLoad(context.cores, {
      ...options,
      durationSeconds: options.warmupSeconds,
      warmupSeconds: 0,
    });
    const before = await reading(target);
    const unique = await runLoad(context.cores, {
      ...options,
      warmupSeconds: 0,
    });
    const after = await reading(target);
    return {
      unique,
      calls: callsBetween(before.calls, after.calls),
      writes: after.writes - before.writes,
    };
  } finally {
    await server.stop();
  }
}

// Waits for the server's write count (refreshed every 100 ms) to settle.
async function reading(target: { writesFile: string; redis: Redis }) {
  await new Promise((resolve) => setTimeout(resolve, 400));
  return {
    writes: Number(readFileSync(target.writesFile, "utf8")),
    calls: await commandCalls(target.redis),
  };
}

// Only when section 1 did not run: the same unique deliveries in memory mode.
async function measureMemoryMode(context: BenchContext): Promise<LoadResult> {
  const server = await startProduction(
    context.standaloneDir,
    context.cores.server,
    {},
  );
  try {
    context.log(`redis: memory-mode comparison on ${server.url}`);
    return await runLoad(context.cores, {
      ...loadOptions(context),
      url: server.url,
      scenario: "unique",
    });
  } finally {
    await server.stop();
  }
}

async function connect(url: string): Promise<Redis | null> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch {
    redis.disconnect();
    return null;
  }
}

interface Figures {
  unique: LoadResult;
  memory: LoadResult | null;
  calls: Record<string, number>;
  writes: number;
  loadAverage: number[];
  prefix: string;
}

function buildSection(f: Figures): Section {
  const deliveries = f.unique.responses;
  const each = (n: number) => (n / deliveries).toFixed(2);
  const ratio = f.memory ? f.unique.perSecond / f.memory.perSecond : null;
  const commands = Object.entries(f.calls).sort(([, a], [, b]) => b - a);
  const totalCalls = commands.reduce((sum, [, n]) => sum + n, 0);
  const applies = (f.calls.evalsha ?? 0) + (f.calls.eval ?? 0);
  const roundTrips = f.writes / deliveries;

  return {
    title: "4. Redis mode",
    method: `The production server with \`REDIS_URL\` (Redis at 127.0.0.1:6379 unless \`REDIS_URL\` is set, key prefix \`${f.prefix}\`, deleted afterwards) under the same unique deliveries as section 1, compared with that section's memory-mode run. Round trips are counted two ways over the measured run: the writes the server made to Redis's port (a preloaded counter; each command, pipeline or transaction is one write, answered before the delivery goes on), and \`INFO commandstats\` deltas, which count every client of that Redis (other work on it would show up here).`,
    loadAverage: f.loadAverage,
    table: [
      ["mode", "statuses", "throughput", "p50", "p99"],
      ...(f.memory ? [row("memory (section 1)", f.memory)] : []),
      row("Redis", f.unique),
    ],
    notes: [
      `Redis ÷ memory throughput: **${ratio === null ? "n/a" : format.ratio(ratio)}**.`,
      `Writes to Redis per delivery: **${roundTrips.toFixed(2)}** (${format.count(f.writes)} for ${format.count(deliveries)} deliveries).`,
      `Commands per delivery (commandstats): ${commands.map(([c, n]) => `${c} ${each(n)}`).join(", ")}; ${each(totalCalls)} in all. The registry's apply (\`EVALSHA\`) runs ${each(applies)} times per delivery.`,
    ],
    budgets: [
      {
        name: "Redis-mode throughput vs memory mode",
        target: "≥ 0.8×",
        measured: ratio === null ? "n/a" : format.ratio(ratio),
        met: ratio !== null && ratio >= 0.8,
      },
      {
        name: "Redis round trips per delivery",
        target: "1",
        measured: roundTrips.toFixed(2),
        met: Math.abs(roundTrips - 1) < 0.05,
      },
    ],
    figures: {
      unique: f.unique,
      ratio,
      calls: f.calls,
      writes: f.writes,
      deliveries,
    },
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
