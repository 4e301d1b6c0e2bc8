import { spawn } from "node:child_process";
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { ROOT } from "../support/production-build";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** A folder from `cliProject()`: where the CLI looks for `.env.local`. */
  project?: string;
}

const projects: string[] = [];
// Registered by each test file that imports this one. rm does not follow
// the symlinks: it removes the links, never the project they point to.
afterAll(() => {
  for (const dir of projects.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
  sharedProject = undefined;
});

/**
 * A project folder to run the CLI in: this project's `e2b:webhooks` script
 * and pinned pnpm version in a `package.json`, its code and dependencies by
 * symlink, and no env file unless the test writes one. Running in the real
 * project would read a developer's own `.env.local`.
 */
export function cliProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "e2b-cli-"));
  projects.push(dir);
  const pkg = JSON.parse(
    readFileSync(join(ROOT, "package.json"), "utf8"),
  ) as Manifest;
  const manifest = {
    name: pkg.name,
    version: pkg.version,
    private: true,
    type: pkg.type,
    // corepack runs the pinned pnpm; without it, it would ask the registry
    // for the latest.
    packageManager: pkg.packageManager,
    scripts: { "e2b:webhooks": pkg.scripts["e2b:webhooks"] },
  };
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  for (const entry of ["node_modules", "scripts", "lib", "tsconfig.json"]) {
    symlinkSync(join(ROOT, entry), join(dir, entry));
  }
  return dir;
}

interface Manifest {
  name: string;
  version: string;
  type: string;
  packageManager: string;
  scripts: Record<string, string>;
}

let sharedProject: string | undefined;

/**
 * Runs `pnpm -s e2b:webhooks <args>` as a user does (`-s` keeps pnpm's own
 * banner out of the output), with only the given environment (plus PATH).
 * Asynchronous on purpose: the fake E2B API answers from this process.
 * pnpm adds about 0.4 s per call to tsx's start-up.
 */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  options: CliOptions = {},
): Promise<CliRun> {
  const cwd = options.project ?? (sharedProject ??= cliProject());
  const child = spawn("pnpm", ["-s", "e2b:webhooks", ...args], {
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
