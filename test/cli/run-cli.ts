import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../support/production-build";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Through `pnpm e2b:webhooks`, which runs in the project root. */
  viaPnpm?: boolean;
  /** The working directory, where the CLI looks for `.env.local`. */
  cwd?: string;
}

const TSX = join(ROOT, "node_modules/.bin/tsx");
const ENTRY = join(ROOT, "scripts/e2b-webhooks.ts");

// The CLI reads env files from its working directory: an empty one keeps a
// developer's own .env.local out of the tests.
const EMPTY_DIR = mkdtempSync(join(tmpdir(), "e2b-cli-"));
process.once("exit", () => rmSync(EMPTY_DIR, { recursive: true, force: true }));

/**
 * Runs the CLI as a child process, the way `pnpm e2b:webhooks` does, with
 * only the given environment (plus PATH). Asynchronous on purpose: the fake
 * E2B API answers from this same process.
 */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  options: CliOptions = {},
): Promise<CliRun> {
  const [command, argv] = options.viaPnpm
    ? ["pnpm", ["-s", "--dir", ROOT, "e2b:webhooks", ...args]]
    : [TSX, [ENTRY, ...args]];
  // pnpm runs from the project, as a user runs it: corepack reads the
  // pinned version from package.json there (elsewhere it would ask the
  // registry for the latest pnpm). The script itself runs in ROOT either way.
  const cwd = options.viaPnpm ? ROOT : (options.cwd ?? EMPTY_DIR);
  const child = spawn(command, argv, {
    cwd,
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      COREPACK_INTEGRITY_KEYS: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });

  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}
