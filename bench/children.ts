import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { onCore } from "./cores";
import { readReply } from "./worker-io";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface WorkerOptions {
  core: number | null;
  /** Node flags such as `--expose-gc` or `--cpu-prof`. */
  nodeArgs?: string[];
}

/**
 * Runs a bench worker (a TypeScript file under bench/) in a process of its
 * own, on one core, and resolves to the result it replied with.
 */
export function runWorker<T>(
  script: string,
  options: unknown,
  run: WorkerOptions,
): Promise<T> {
  const [command, args] = onCore(run.core, process.execPath, [
    ...(run.nodeArgs ?? []),
    "--import",
    "tsx",
    fileURLToPath(new URL(script, import.meta.url)),
    JSON.stringify(options),
  ]);
  const child = spawn(command, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));

  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) {
        reject(new Error(`${script} exited with ${code}:\n${stderr}`));
        return;
      }
      resolve(readReply<T>(stdout));
    });
  });
}
