import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
export const STANDALONE_DIR = join(ROOT, ".next/standalone");

/**
 * Everything `pnpm build` reads from the project, and so everything whose
 * change calls for a new build (and must reach the Docker build context).
 */
export const BUILD_SOURCES = [
  "components",
  "tsconfig.json",
  "tsconfig.build.json",
  "app",
  "lib",
  "public",
  "instrumentation.ts",
  "next.config.mjs",
  "package.json",
  "pnpm-lock.yaml",
  "scripts/copy-standalone-assets.mjs",
];
const STAMP = join(ROOT, ".next/source-hash");
const LOCK = join(ROOT, ".next-build.lock");

/**
 * Builds the production standalone server once per source change, as
 * `pnpm build` does, with no secret in the environment (a secret must never
 * be needed, or baked in, at build time). Safe to call from several
 * processes at once: tests, benchmarks and `pnpm demo` share one build.
 */
export function ensureProductionBuild(): string {
  const hash = sourceHash();
  if (existsSync(join(STANDALONE_DIR, "server.js")) && readStamp() === hash) {
    return STANDALONE_DIR;
  }

  withLock(() => {
    if (existsSync(join(STANDALONE_DIR, "server.js")) && readStamp() === hash)
      return;

    const result = spawnSync("pnpm", ["run", "build"], {
      cwd: ROOT,
      env: buildEnvironment(),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (result.status !== 0) {
      throw new Error(`pnpm build failed:\n${result.stdout}\n${result.stderr}`);
    }
    writeFileSync(STAMP, hash);
  });

  return STANDALONE_DIR;
}

/** The process environment without anything secret or receiver-specific. */
export function buildEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const name of Object.keys(env)) {
    if (/SECRET|TOKEN|API_KEY|^WEBHOOK_|^E2B_|^REDIS_/.test(name))
      delete env[name];
  }
  return env;
}

function sourceHash(): string {
  const hash = createHash("sha256");
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
      return;
    }
    hash.update(path).update(readFileSync(path));
  };
  for (const source of BUILD_SOURCES) visit(join(ROOT, source));
  return hash.digest("hex");
}

function readStamp(): string | null {
  return existsSync(STAMP) ? readFileSync(STAMP, "utf8") : null;
}

function withLock(work: () => void): void {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`build lock ${LOCK} held too long`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
