import { existsSync, readFileSync } from "node:fs";

export type SecretResult =
  { ok: true; secret: string; source: string } | { ok: false; message: string };

const NAME = "E2B_WEBHOOK_SECRET";

/**
 * Finds the webhook secret: the `--secret` flag, else `E2B_WEBHOOK_SECRET`
 * in the environment, else in the env file (`.env.local`), trimmed as the
 * receiver trims it. `source` says where it came from. The variable set
 * empty or blank is no secret, as for the receiver, and the env file is
 * then not read: Next.js never lets a file override a variable already set.
 */
export function resolveSecret(
  flag: string | undefined,
  env: Record<string, string | undefined>,
  envFile: string,
): SecretResult {
  const fromFlag = flag?.trim();
  if (fromFlag) return { ok: true, secret: fromFlag, source: "--secret" };

  const exported = env[NAME];
  if (exported !== undefined) return fromEnvironment(exported, envFile);

  return fromEnvFile(envFile);
}

function fromEnvironment(value: string, envFile: string): SecretResult {
  const secret = value.trim();
  if (secret) return { ok: true, secret, source: `${NAME} in the environment` };

  return {
    ok: false,
    message: `${NAME} is set but empty in the environment, so ${envFile} is not read: a receiver started like this has no secret either (500 not_configured). Pass --secret, export the secret, or run \`unset ${NAME}\` to use ${envFile}.`,
  };
}

function fromEnvFile(envFile: string): SecretResult {
  const value = readEnvFile(envFile)[NAME];
  const secret = value?.trim();
  if (secret) return { ok: true, secret, source: `${NAME} in ${envFile}` };

  const message =
    value === undefined
      ? `No webhook secret: pass --secret, set ${NAME}, or add ${NAME}=... to ${envFile}`
      : `${NAME} is empty in ${envFile}: a receiver reading it has no secret either (500 not_configured). Put the secret there, pass --secret, or set ${NAME}.`;
  return { ok: false, message };
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
