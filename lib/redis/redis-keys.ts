import { createHash } from "node:crypto";

/**
 * Where the receiver keeps things in Redis, all under one prefix. Every key
 * of a sandbox carries one hash tag (`{id}`, see `hashTag`), so they share
 * one slot and a single script may touch them together on Redis Cluster.
 */
export interface RedisKeys {
  readonly prefix: string;
  /** The registry entry: a hash of JSON values plus ordering keys. */
  sandbox(sandboxId: string): string;
  /** Left by `killed`, with a TTL. */
  tombstone(sandboxId: string): string;
  /** The sandbox's applied event ids (a sorted set scored by expiry). */
  seen(sandboxId: string): string;
  /** A SCAN pattern matching every registry entry under the prefix. */
  readonly sandboxPattern: string;
  /** The shared delivery log (a capped list). */
  readonly deliveries: string;
  /** The prefix of one rate limiter's counters. */
  rateLimit(name: string): string;
}

/**
 * The keys under `prefix`, which must hold no `{` or `}`: Redis Cluster
 * would take the hash tag from the prefix instead. Throws when it does.
 */
export function redisKeys(prefix: string): RedisKeys {
  if (/[{}]/.test(prefix)) {
    throw new Error(
      `Redis key prefix "${prefix}" contains { or }: remove them from WEBHOOK_REDIS_PREFIX`,
    );
  }
  const key = (sandboxId: string, suffix: string) =>
    `${prefix}${hashTag(sandboxId)}:${suffix}`;

  return {
    prefix,
    sandbox: (id) => key(id, "sandbox"),
    tombstone: (id) => key(id, "tombstone"),
    seen: (id) => key(id, "seen"),
    sandboxPattern: `${escapeGlob(prefix)}{*}:sandbox`,
    deliveries: `${prefix}deliveries`,
    rateLimit: (name) => `${prefix}rate-limit:${name}`,
  };
}

/**
 * `{id}` for an id without braces (every E2B id). Cluster hashes only what
 * lies between the first `{` and the next `}`, so an id with braces could
 * cut its tag short, or leave it empty (`}x`) and spread one sandbox's keys
 * over several slots: such an id is tagged by its SHA-256 instead. The tag
 * then opens with a second `{`, which no plain id's tag holds, so the two
 * kinds can never share a key.
 */
function hashTag(sandboxId: string): string {
  if (!/[{}]/.test(sandboxId)) return `{${sandboxId}}`;

  const digest = createHash("sha256").update(sandboxId).digest("base64url");
  return `{{${digest}}`;
}

// A prefix is a literal, but SCAN MATCH reads `*`, `?`, `[` and `\` as glob.
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, "\\$&");
}
