/**
 * Where the receiver keeps things in Redis, all under one prefix. Every key
 * of a sandbox carries the sandbox id as a hash tag (`{id}`), so they share
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

// The suffixes differ in their last characters, so no sandbox id, whatever
// it contains, can make one sandbox's key equal another's.
const SANDBOX = "}:sandbox";

export function redisKeys(prefix: string): RedisKeys {
  const tagged = (sandboxId: string, suffix: string) =>
    `${prefix}{${sandboxId}}:${suffix}`;

  return {
    prefix,
    sandbox: (id) => `${prefix}{${id}${SANDBOX}`,
    tombstone: (id) => tagged(id, "tombstone"),
    seen: (id) => tagged(id, "seen"),
    sandboxPattern: `${escapeGlob(prefix)}{*${SANDBOX}`,
    deliveries: `${prefix}deliveries`,
    rateLimit: (name) => `${prefix}rate-limit:${name}`,
  };
}

// A prefix is a literal, but SCAN MATCH reads `*`, `?`, `[` and `\` as glob.
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, "\\$&");
}
