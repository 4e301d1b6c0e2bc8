import { randomUUID } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { deleteKeys } from "../../test/support/redis";
import type { BenchContext } from "../context";
import { loadOptions } from "../http/http-section";
import { runLoad } from "../http/load";
import type { LoadResult } from "../http/load-result";
import { startProduction } from "../http/production";
import { skippedSection, type Section } from "../report/section";
import { callsBetween, commandCalls } from "./commandstats";
import { connectIfUp } from "./connect";
import { redisReport } from "./redis-report";

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
  const redis = await connectIfUp(url);
  if (!redis) return skippedSection(title, `no Redis answers at ${url}`);

  const loadAverage = loadavg();
  const prefix = `bench:${randomUUID().slice(0, 8)}:`;
  const writesFile = join(tmpdir(), `bench-redis-writes-${process.pid}`);
  try {
    const measured = await measure(context, { url, prefix, writesFile, redis });
    const memoryMode = memory ?? (await measureMemoryMode(context));
    return redisReport({
      ...measured,
      memory: memoryMode,
      loadAverage,
      prefix,
    });
  } finally {
    await deleteKeys(url, prefix);
    rmSync(writesFile, { force: true });
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
      writes: callsBetween(before.writes, after.writes),
    };
  } finally {
    await server.stop();
  }
}

// Waits for the server's write count (refreshed every 100 ms) to settle.
async function reading(target: { writesFile: string; redis: Redis }) {
  await new Promise((resolve) => setTimeout(resolve, 400));
  return {
    writes: new Map(
      Object.entries(
        JSON.parse(readFileSync(target.writesFile, "utf8")) as Record<
          string,
          number
        >,
      ),
    ),
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
