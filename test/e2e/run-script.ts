import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../support/production-build";

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const TSX = join(ROOT, "node_modules/.bin/tsx");

/** Starts a TypeScript script through tsx, as `pnpm tsx <script>` does. */
export function spawnScript(
  script: string,
  args: string[],
  { detached = false }: { detached?: boolean } = {},
): ChildProcess {
  return spawn(TSX, [script, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so a test can signal it as a terminal does.
    detached,
  });
}

/** Runs a script to its end and collects what it printed. */
export function runScript(script: string, args: string[]): Promise<ScriptRun> {
  const child = spawnScript(script, args);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));

  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The last non-empty line a run printed to stdout. */
export function lastLine(run: ScriptRun): string {
  return run.stdout.trimEnd().split("\n").at(-1) ?? "";
}
