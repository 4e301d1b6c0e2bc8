import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchContext } from "../context";
import { runLoad } from "../http/load";
import { startProduction, type BenchServer } from "../http/production";
import type { MemoryUsage } from "./usage";

const PRELOAD = new URL("gc-preload.mjs", import.meta.url).href;

/** The production server's memory before and after it tracks `count` sandboxes. */
export interface ServerFill {
  count: number;
  statuses: Record<string, number>;
  /** RSS as it stood, then memory after a full collection. */
  idleRss: number | null;
  filledRss: number | null;
  idle: MemoryUsage;
  filled: MemoryUsage;
}

/**
 * Sends `count` unique `created` deliveries to a fresh production server
 * (one new sandbox each) and reads its memory before and after.
 */
export async function fillServer(context: BenchContext): Promise<ServerFill> {
  const count = context.profile.sandboxes;
  const file = join(tmpdir(), `bench-memory-${process.pid}.json`);
  const server = await startProduction(
    context.standaloneDir,
    context.cores.server,
    {
      NODE_OPTIONS: `--import ${PRELOAD}`,
      BENCH_MEMORY_FILE: file,
    },
  );
  try {
    context.log(`memory: filling a production server with ${count} sandboxes`);
    const base = { url: server.url, warmupSeconds: 0, prepared: count };
    await runLoad(context.cores, {
      ...base,
      scenario: "health",
      connections: 1,
      durationSeconds: 2,
    });
    const idleRss = server.rss();
    const idle = await collected(server, file);
    const fill = await runLoad(context.cores, {
      ...base,
      scenario: "fill",
      connections: 10,
      durationSeconds: 0,
      amount: count,
    });
    const filledRss = server.rss();
    const filled = await collected(server, file);
    return { count, statuses: fill.statuses, idleRss, filledRss, idle, filled };
  } finally {
    await server.stop();
    rmSync(file, { force: true });
  }
}

async function collected(
  server: BenchServer,
  file: string,
): Promise<MemoryUsage> {
  rmSync(file, { force: true });
  process.kill(server.pid, "SIGUSR2");
  for (let i = 0; i < 200 && !existsSync(file); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return JSON.parse(readFileSync(file, "utf8")) as MemoryUsage;
}
