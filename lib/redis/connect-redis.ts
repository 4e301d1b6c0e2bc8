import { Redis } from "ioredis";
import type { Logger } from "pino";

export interface RedisConnectionOptions {
  /** A `redis://` or `rediss://` URL. */
  url: string;
  /** Bounds connecting and every command, so an outage answers fast. */
  timeoutMs: number;
  logger: Logger;
}

const MAX_RECONNECT_DELAY_MS = 1_000;

/**
 * Opens the process's Redis connection. Until it is first ready, commands
 * wait for it (at most `timeoutMs`), so a server's first deliveries are not
 * refused while it connects. After that, commands fail at once while it is
 * down (no offline queue), so a delivery gets 503 and E2B retries it; the
 * connection keeps trying in the background and recovers by itself.
 */
export function connectRedis(options: RedisConnectionOptions): Redis {
  const redis = new Redis(options.url, {
    connectTimeout: options.timeoutMs,
    commandTimeout: options.timeoutMs,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
  });
  // ioredis reads this option for each command: queue only the commands
  // sent before the first connection, each still bounded by commandTimeout.
  redis.once("ready", () => {
    redis.options.enableOfflineQueue = false;
  });
  reportConnection(redis, options.logger);
  return redis;
}

// One line per change of state, not one per failed reconnect attempt: an
// outage of a minute must not print six hundred lines.
function reportConnection(redis: Redis, logger: Logger): void {
  let down = false;
  redis.on("ready", () => {
    if (down) logger.info("redis: connection restored");
    down = false;
  });
  redis.on("error", (error: Error) => {
    if (down) return;

    down = true;
    logger.error({ err: error }, "redis: connection failed; retrying");
  });
  redis.on("close", () => {
    if (down || redis.status === "end") return;

    down = true;
    logger.warn("redis: connection closed; reconnecting");
  });
}
