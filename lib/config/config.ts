import { environment, type Environment } from "./environment";

/** Thrown for an invalid setting; the message names the variable and the fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

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

function readReconcile(e: Environment): Config["reconcile"] {
  const apiKey = e.E2B_API_KEY?.trim() ?? "";
  if (apiKey === "") return null;

  return {
    apiKey,
    apiUrl: e.E2B_API_URL || "https://api.e2b.app",
    intervalMs: e.E2B_RECONCILE_INTERVAL_SECONDS * 1000,
    lookbackMs: e.E2B_RECONCILE_LOOKBACK_SECONDS * 1000,
  };
}
