import { z } from "zod";

// One entry per variable, each parsed from its string form; an invalid value
// becomes an issue naming the variable and the expected form.

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

/** Every variable the receiver reads, with its default. */
export const environment = z.object({
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
  // Redis Cluster would hash every key by a tag in the prefix: one slot.
  WEBHOOK_REDIS_PREFIX: z
    .string()
    .optional()
    .refine(
      (v) => !v || !/[{}]/.test(v),
      "must not contain { or } (they would make a Redis Cluster hash tag)",
    ),
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
    )
    // The key goes in X-API-Key; a password in the URL would reach logs.
    .refine(
      (v) => !v || !URL.canParse(v) || !/^[^/]*\/\/[^/]*@/.test(v),
      "expected no user name or password in the URL (E2B_API_KEY carries the key)",
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
  // Read by Next.js's own server, which falls back to 3000 or to no
  // keep-alive setting on a value it cannot parse: checked here so that a
  // typo stops start-up instead of going unnoticed.
  PORT: integer(3000, 1, 65_535),
  KEEP_ALIVE_TIMEOUT: integer(5_000, 1, 3_600_000),
});

export type Environment = z.infer<typeof environment>;
