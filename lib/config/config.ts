import { z } from "zod";

/** Thrown for an invalid setting; the message names the variable and the fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const integer = (fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return fallback;
      const parsed = Number(value);
      if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
        ctx.addIssue({
          code: "custom",
          message: `expected a whole number from ${min} to ${max}, got "${value}"`,
        });
        return z.NEVER;
      }
      return parsed;
    });

const choice = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return undefined;
      if ((values as readonly string[]).includes(value)) return value as T;
      ctx.addIssue({
        code: "custom",
        message: `expected one of ${values.join(", ")}, got "${value}"`,
      });
      return z.NEVER;
    });

// Never echoes the value: a Redis URL may carry a password.
const redisUrl = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === "") return null;
    if (!URL.canParse(value) || !/^rediss?:$/.test(new URL(value).protocol)) {
      ctx.addIssue({
        code: "custom",
        message: "expected a redis:// or rediss:// URL",
      });
      return z.NEVER;
    }
    return value;
  });

const DAY_SECONDS = 86_400;

const environment = z.object({
  E2B_WEBHOOK_SECRET: z.string().optional(),
  E2B_WEBHOOK_SECRET_PREVIOUS: z.string().optional(),
  WEBHOOK_MAX_BODY_BYTES: integer(262_144, 1_024, 64 * 1024 * 1024),
  WEBHOOK_MAX_EVENT_AGE_SECONDS: integer(DAY_SECONDS, 0, 365 * DAY_SECONDS),
  WEBHOOK_TOMBSTONE_TTL_SECONDS: integer(DAY_SECONDS, 1, 365 * DAY_SECONDS),
  WEBHOOK_TOMBSTONE_MAX_ENTRIES: integer(100_000, 1, 100_000_000),
  WEBHOOK_IDEMPOTENCY_MAX_ENTRIES: integer(100_000, 1, 100_000_000),
  WEBHOOK_ADMIN_TOKEN: z.string().optional(),
  WEBHOOK_DELIVERY_LOG_SIZE: integer(200, 1, 100_000),
  REDIS_URL: redisUrl,
  WEBHOOK_REDIS_PREFIX: z.string().optional(),
  WEBHOOK_REDIS_TIMEOUT_MS: integer(2_000, 50, 60_000),
  WEBHOOK_FAILED_AUTH_LIMIT_PER_MINUTE: integer(60, 0, 1_000_000),
  WEBHOOK_TEAM_LIMIT_PER_MINUTE: integer(0, 0, 10_000_000),
  WEBHOOK_TRUST_PROXY: choice(["true", "false"] as const),
  E2B_API_KEY: z.string().optional(),
  E2B_API_URL: z
    .string()
    .trim()
    .optional()
    .refine(
      (v) => !v || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)),
      "expected an http(s) URL such as https://api.e2b.app",
    ),
  E2B_RECONCILE_INTERVAL_SECONDS: integer(300, 0, 7 * DAY_SECONDS),
  E2B_RECONCILE_LOOKBACK_SECONDS: integer(DAY_SECONDS, 60, 30 * DAY_SECONDS),
  LOG_FORMAT: choice(["pretty", "json"] as const),
  LOG_LEVEL: choice([
    "trace",
    "debug",
    "info",
    "warn",
    "error",
    "fatal",
    "silent",
  ] as const),
  NODE_ENV: z.string().optional(),
});

export interface Config {
  /** Accepted secrets, current first; empty when none is configured. */
  secrets: string[];
  maxBodyBytes: number;
  /** `null` when the replay guard is turned off (0). */
  maxEventAgeMs: number | null;
  tombstoneTtlMs: number;
  tombstoneMaxEntries: number;
  idempotencyMaxEntries: number;
  /** Guards the read API and dashboard; `null` turns them off (403). */
  adminToken: string | null;
  /** How many recent deliveries the delivery log keeps. */
  deliveryLogSize: number;
  /** The shared store; `null` keeps everything in process memory. */
  redis: { url: string; prefix: string; timeoutMs: number } | null;
  /** Failed signature checks allowed per client IP a minute; `null`: off. */
  failedAuthLimitPerMinute: number | null;
  /** Authenticated deliveries allowed per team a minute; `null`: off. */
  teamLimitPerMinute: number | null;
  /** Read the client IP from X-Forwarded-For (one trusted proxy hop). */
  trustProxy: boolean;
  /** Catching up from E2B's events API; `null` without E2B_API_KEY. */
  reconcile: {
    apiKey: string;
    apiUrl: string;
    /** 0: only on demand (`POST /api/reconcile`). */
    intervalMs: number;
    lookbackMs: number;
  } | null;
  logFormat: "pretty" | "json";
  logLevel: string;
  /** Problems worth a warning at start-up, never secret values. */
  warnings: string[];
}

/**
 * Reads the configuration from an environment (the process's, at run time).
 * Throws `ConfigError` naming each invalid variable and its expected form.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `${i.path.join(".")}: ${i.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${lines.join("\n  ")}`);
  }

  const e = parsed.data;
  const warnings: string[] = [];
  const secrets = [
    readSecret("E2B_WEBHOOK_SECRET", e.E2B_WEBHOOK_SECRET, warnings),
    readSecret(
      "E2B_WEBHOOK_SECRET_PREVIOUS",
      e.E2B_WEBHOOK_SECRET_PREVIOUS,
      warnings,
    ),
  ];
  if (!secrets[0]) {
    warnings.push(
      "E2B_WEBHOOK_SECRET is not set: every delivery is refused with 500 not_configured",
    );
  }
  const maxEventAgeSeconds = e.WEBHOOK_MAX_EVENT_AGE_SECONDS;
  if (maxEventAgeSeconds === 0) {
    warnings.push("WEBHOOK_MAX_EVENT_AGE_SECONDS=0 turns the replay guard off");
  } else if (e.WEBHOOK_TOMBSTONE_TTL_SECONDS < maxEventAgeSeconds) {
    warnings.push(
      "WEBHOOK_TOMBSTONE_TTL_SECONDS is shorter than WEBHOOK_MAX_EVENT_AGE_SECONDS: a late event could bring back a killed sandbox",
    );
  }

  const redis = e.REDIS_URL
    ? {
        url: e.REDIS_URL,
        prefix: e.WEBHOOK_REDIS_PREFIX || "e2b:",
        timeoutMs: e.WEBHOOK_REDIS_TIMEOUT_MS,
      }
    : null;
  if (e.WEBHOOK_TEAM_LIMIT_PER_MINUTE > 0) {
    warnings.push(
      "WEBHOOK_TEAM_LIMIT_PER_MINUTE is on: E2B retries a 429 three times, ten seconds apart, then drops the event",
    );
  }

  return {
    secrets: secrets[0] ? secrets.filter((s): s is string => Boolean(s)) : [],
    maxBodyBytes: e.WEBHOOK_MAX_BODY_BYTES,
    maxEventAgeMs: maxEventAgeSeconds === 0 ? null : maxEventAgeSeconds * 1000,
    tombstoneTtlMs: e.WEBHOOK_TOMBSTONE_TTL_SECONDS * 1000,
    tombstoneMaxEntries: e.WEBHOOK_TOMBSTONE_MAX_ENTRIES,
    idempotencyMaxEntries: e.WEBHOOK_IDEMPOTENCY_MAX_ENTRIES,
    adminToken: readAdminToken(e.WEBHOOK_ADMIN_TOKEN, warnings),
    deliveryLogSize: e.WEBHOOK_DELIVERY_LOG_SIZE,
    redis,
    failedAuthLimitPerMinute: e.WEBHOOK_FAILED_AUTH_LIMIT_PER_MINUTE || null,
    teamLimitPerMinute: e.WEBHOOK_TEAM_LIMIT_PER_MINUTE || null,
    trustProxy: e.WEBHOOK_TRUST_PROXY === "true",
    reconcile: readReconcile(e),
    logFormat:
      e.LOG_FORMAT ?? (e.NODE_ENV === "production" ? "json" : "pretty"),
    logLevel: e.LOG_LEVEL ?? "info",
    warnings,
  };
}

function readSecret(
  name: string,
  raw: string | undefined,
  warnings: string[],
): string | null {
  const secret = raw?.trim() ?? "";
  if (secret === "") return null;

  if (secret !== raw) {
    warnings.push(`${name} had surrounding whitespace; it was trimmed`);
  }
  if (secret.length < 32) {
    warnings.push(
      `${name} is shorter than 32 characters; E2B asks for 32 or more`,
    );
  }
  return secret;
}

function readAdminToken(
  raw: string | undefined,
  warnings: string[],
): string | null {
  const token = raw?.trim() ?? "";
  if (token === "") return null;

  if (token !== raw) {
    warnings.push(
      "WEBHOOK_ADMIN_TOKEN had surrounding whitespace; it was trimmed",
    );
  }
  if (token.length < 16) {
    warnings.push(
      "WEBHOOK_ADMIN_TOKEN is shorter than 16 characters; use a long random value",
    );
  }
  return token;
}

function readReconcile(e: z.infer<typeof environment>): Config["reconcile"] {
  const apiKey = e.E2B_API_KEY?.trim() ?? "";
  if (apiKey === "") return null;

  return {
    apiKey,
    apiUrl: e.E2B_API_URL || "https://api.e2b.app",
    intervalMs: e.E2B_RECONCILE_INTERVAL_SECONDS * 1000,
    lookbackMs: e.E2B_RECONCILE_LOOKBACK_SECONDS * 1000,
  };
}
