import { spawn } from "node:child_process";

export interface Finished {
  code: number | null;
  output: string;
}

export interface RunOptions {
  cwd?: string;
  /** Added to (and overriding) this process's environment. */
  env?: Record<string, string>;
  /** Kills the process past this; a guard against hangs, not an assertion. */
  timeoutMs?: number;
}

/** Runs a command to its end and collects everything it printed. */
export function runProcess(
  command: string,
  args: string[],
  options: RunOptions = {},
): Promise<Finished> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => child.kill("SIGKILL"),
      options.timeoutMs ?? 60_000,
    );
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
