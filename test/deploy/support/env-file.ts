import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "dotenv";
import { ROOT } from "../../../scripts/support/production-build";

/**
 * Writes `.env.docker` the way the README tells a user to: a copy of
 * `.env.example` with the secret filled in. Returns the file's path.
 */
export function writeDockerEnvFile(dir: string, secret: string): string {
  const example = readFileSync(join(ROOT, ".env.example"), "utf8");
  const line = /^E2B_WEBHOOK_SECRET=.*$/m;
  if (!line.test(example)) {
    throw new Error(".env.example has no E2B_WEBHOOK_SECRET= line to fill in");
  }

  const path = join(dir, ".env.docker");
  writeFileSync(path, example.replace(line, `E2B_WEBHOOK_SECRET=${secret}`));
  return path;
}

/**
 * Reads an env file as `docker compose` does for `env_file`: `NAME=value`
 * lines, `#` comments, optional quotes. Values are taken literally.
 */
export function readEnvFile(path: string): Record<string, string> {
  return parse(readFileSync(path));
}
