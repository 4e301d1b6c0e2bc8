import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { freePort } from "./server-process";

export type RedisForTests =
  { ok: true; url: string; source: string } | { ok: false; reason: string };

const LOCAL_URL = "redis://127.0.0.1:6379";

let found: Promise<RedisForTests> | undefined;
let spawned: RedisServer | undefined;

/**
 * The Redis the tests use: `REDIS_URL` when set, else 127.0.0.1:6379 when
 * it answers, else a `redis-server` started on a free port. Otherwise a
 * reason to skip, printed; with `REQUIRE_REDIS=1` a skip throws instead.
 */
export async function redisForTests(): Promise<RedisForTests> {
  found ??= locate();
  const result = await found;
  if (!result.ok) {
    if (process.env.REQUIRE_REDIS === "1") {
      throw new Error(`REQUIRE_REDIS=1 but ${result.reason}`);
    }
    console.warn(`[redis tests skipped] ${result.reason}`);
  }
  return result;
}

/** A key prefix of this test run's own, so runs never see each other. */
export function uniquePrefix(label: string): string {
  return `test:${label}:${randomUUID().slice(0, 8)}:`;
}

/** Deletes every key under `prefix` (the end of a test run). */
export async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const pattern = `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`;
    for await (const keys of redis.scanStream({ match: pattern })) {
      if ((keys as string[]).length > 0) await redis.unlink(...keys);
    }
  } finally {
    redis.disconnect();
  }
}

/** Stops the `redis-server` this module started, if it started one. */
export async function stopSpawnedRedis(): Promise<void> {
  await spawned?.stop();
}

async function locate(): Promise<RedisForTests> {
  const fromEnv = process.env.REDIS_URL;
  if (fromEnv) {
    return (await answers(fromEnv))
      ? { ok: true, url: fromEnv, source: "REDIS_URL" }
      : { ok: false, reason: `REDIS_URL=${fromEnv} does not answer PING` };
  }
  if (await answers(LOCAL_URL)) {
    return { ok: true, url: LOCAL_URL, source: "127.0.0.1:6379" };
  }
  if (!hasRedisServer()) {
    return {
      ok: false,
      reason:
        "no REDIS_URL, nothing on 127.0.0.1:6379 and no redis-server binary on PATH",
    };
  }
  spawned = await startRedisServer();
  return { ok: true, url: spawned.url, source: "spawned redis-server" };
}

export function hasRedisServer(): boolean {
  return spawnSync("redis-server", ["--version"]).status === 0;
}

async function answers(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** A `redis-server` of the test's own, which it can stop and start again. */
export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * Starts `redis-server` on a free port. It keeps nothing on disk, unless
 * given a folder: then every write is in its append-only file before Redis
 * answers it, and a restart after a kill comes back with all of them.
 */
export async function startRedisServer(
  options: { dataDir?: string } = {},
): Promise<RedisServer> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const persistence = options.dataDir
    ? [
        "--appendonly",
        "yes",
        "--appendfsync",
        "always",
        "--dir",
        options.dataDir,
      ]
    : ["--appendonly", "no"];
  let child: ChildProcess | undefined;

  const server: RedisServer = {
    url,
    port,
    async start() {
      child = spawn(
        "redis-server",
        ["--port", String(port), "--bind", "127.0.0.1", "--save", ""].concat(
          persistence,
        ),
        { stdio: "ignore" },
      );
      await waitFor(() => answers(url), `redis-server on port ${port}`);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;

      await new Promise((resolve) => {
        running.once("exit", resolve);
        running.kill("SIGKILL");
      });
    },
  };
  await server.start();
  return server;
}

async function waitFor(
  ready: () => Promise<boolean>,
  what: string,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} did not start within 10 s`);
}
