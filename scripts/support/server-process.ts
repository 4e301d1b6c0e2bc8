import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

export interface RunningServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  /** The folder holding `server.js` (a standalone build). */
  dir: string;
  env?: Record<string, string>;
  port?: number;
  /** Path probed until it answers; any HTTP status counts as up. */
  readyPath?: string;
  timeoutMs?: number;
}

/** Starts `node server.js` as production does and waits until it answers. */
export async function startServer(
  options: StartOptions,
): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [join(options.dir, "server.js")], {
    cwd: options.dir,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOSTNAME: "127.0.0.1",
      PORT: String(port),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const url = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    url,
    port,
    process: child,
    output: () => output,
    stop: (signal = "SIGTERM") => stopProcess(child, signal),
  };
  await waitUntilUp(
    server,
    options.readyPath ?? "/api/webhooks/e2b",
    options.timeoutMs ?? 30_000,
  );
  return server;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(
  server: RunningServer,
  path: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) {
      throw new Error(
        `server exited with ${server.process.exitCode}:\n${server.output()}`,
      );
    }
    try {
      await fetch(`${server.url}${path}`, { method: "OPTIONS" });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await server.stop("SIGKILL");
  throw new Error(
    `server did not answer within ${timeoutMs} ms:\n${server.output()}`,
  );
}

function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals,
): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.exitCode);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill(signal);
  });
}
