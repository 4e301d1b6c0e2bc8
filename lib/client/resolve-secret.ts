import { existsSync, readFileSync } from "node:fs";

export type SecretResult =
  { ok: true; secret: string; source: string } | { ok: false; message: string };

const NAME = "E2B_WEBHOOK_SECRET";

/**
 * Finds the webhook secret: the `--secret` flag, else `E2B_WEBHOOK_SECRET`
 * in the environment, else in the env file (`.env.local`). Trimmed, as the
 * receiver trims it.
 */
export function resolveSecret(
  flag: string | undefined,
  env: Record<string, string | undefined>,
  envFile: string,
): SecretResult {
  const candidates: Array<[string, string | undefined]> = [
    ["--secret", flag],
    [NAME, env[NAME]],
    [envFile, readEnvFile(envFile)[NAME]],
  ];
  for (const [source, value] of candidates) {
    const secret = value?.trim();
    if (secret) return { ok: true, secret, source };
  }

  return {
    ok: false,
    message: `No webhook secret: pass --secret, set ${NAME}, or add ${NAME}=... to ${envFile}`,
  };
}

/**
 * Reads `NAME=value` lines, skipping blanks and `#` comments, with an
 * optional `export `, matching quotes around the value and `# comments`
 * after an unquoted one. Enough for the
 * one variable we need; not a full dotenv parser.
 */
export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};

  const values: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_]\w*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match?.[1]) continue;
    values[match[1]] = unquote(match[2] ?? "");
  }

  return values;
}

// Quoted values are taken as written; unquoted ones end at ` #`, as in dotenv.
function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? (quoted[2] ?? "") : value.replace(/\s+#.*$/, "");
}
