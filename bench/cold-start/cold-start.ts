import { spawn } from "node:child_process";
import { join } from "node:path";
import { freePort } from "../../test/support/server-process";
import { onCore } from "../cores";
import { BENCH_SECRET, deliveryStream, signed } from "../deliveries";
import { WEBHOOK_PATH } from "../http/scenarios";

export interface ColdStart {
  /** From spawn to the first answer of any kind (the port is open). */
  firstAnswerMs: number;
  /** From spawn to the first 200 on a signed delivery. */
  first200Ms: number;
}

/**
 * Starts `node server.js` on `core` and posts one signed delivery as fast
 * as the server will take it, timing from just before the spawn.
 */
export async function coldStart(
  dir: string,
  core: number | null,
): Promise<ColdStart> {
  const port = await freePort();
  const body = deliveryStream({ pool: 1, startMs: Date.now() })(0);
  const { headers } = signed(body);
  const [command, args] = onCore(core, process.execPath, [
    join(dir, "server.js"),
  ]);
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOSTNAME: "127.0.0.1",
      PORT: String(port),
      E2B_WEBHOOK_SECRET: BENCH_SECRET,
    },
    stdio: "ignore",
  });
  try {
    let firstAnswerMs: number | null = null;
    for (;;) {
      const status = await post(
        `http://127.0.0.1:${port}${WEBHOOK_PATH}`,
        body,
        headers,
      );
      if (status !== null) firstAnswerMs ??= performance.now() - started;
      if (status === 200) {
        return {
          firstAnswerMs: firstAnswerMs ?? 0,
          first200Ms: performance.now() - started,
        };
      }
      if (child.exitCode !== null)
        throw new Error(`server exited ${child.exitCode}`);
      if (performance.now() - started > 60_000)
        throw new Error("no 200 within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  } finally {
    await new Promise((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGKILL");
    });
  }
}

async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
) {
  try {
    const response = await fetch(url, { method: "POST", body, headers });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}
