import nextEnv from "@next/env";

// @next/env is an ncc bundle whose exports Node's ESM loader cannot see by
// name: `import { loadEnvConfig }` fails at run time under tsx.
const { loadEnvConfig } = nextEnv;

/** The files `next dev` reads, first one winning, as `--help` lists them. */
export const ENV_FILES = [
  ".env.development.local",
  ".env.local",
  ".env.development",
  ".env",
] as const;

/**
 * Loads `.env.local` and the other files `next dev` reads from `dir` into
 * `process.env` with Next's own loader, so the CLI sees the same
 * E2B_API_KEY and E2B_WEBHOOK_SECRET as the dev server. A variable already
 * in the environment wins over every file. Returns the files read.
 */
export function loadEnvFiles(
  dir: string,
  err: (text: string) => void,
): string[] {
  const { loadedEnvFiles } = loadEnvConfig(dir, true, {
    // Next announces every file it loads; a CLI's output is for results.
    info: () => {},
    error: (...args: unknown[]) => err(`${args.map(String).join(" ")}\n`),
  });
  return loadedEnvFiles.map((file) => file.path);
}
