import type { Readable } from "node:stream";
import {
  startServer,
  type RunningServer,
} from "../../test/support/server-process";
import { pinProcess } from "../cores";
import { BENCH_SECRET } from "../deliveries";
import { rssOf } from "../process-memory";

/** The production standalone server under load, and what it printed. */
export interface BenchServer {
  url: string;
  pid: number;
  /** Lines the server wrote to stdout and stderr (its log). */
  logLines(): number;
  rss(): number | null;
  stop(): Promise<void>;
}

/**
 * Starts `node server.js` as production does (test/support/server-process),
 * with the bench's secret and `env`, and moves it onto `core`.
 */
export async function startProduction(
  dir: string,
  core: number | null,
  env: Record<string, string> = {},
): Promise<BenchServer> {
  const server = await startServer({
    dir,
    env: { E2B_WEBHOOK_SECRET: BENCH_SECRET, ...env },
  });
  const pid = server.process.pid;
  if (pid === undefined) throw new Error("the server has no pid");
  pinProcess(pid, core);
  const lines = countLines(server);

  return {
    url: server.url,
    pid,
    logLines: lines,
    rss: () => rssOf(pid),
    stop: async () => {
      await server.stop();
    },
  };
}

// startServer keeps everything the server prints; a benchmark's millions
// of log lines only need counting, and the pipe must still be drained.
function countLines(server: RunningServer): () => number {
  let lines = 0;
  const count = (chunk: Buffer) => {
    for (const byte of chunk) if (byte === 10) lines++;
  };
  for (const stream of [server.process.stdout, server.process.stderr]) {
    (stream as Readable | null)?.removeAllListeners("data");
    stream?.on("data", count);
  }
  return () => lines;
}
