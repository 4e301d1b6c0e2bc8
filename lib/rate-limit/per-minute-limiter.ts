import type { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";

export type LimitDecision =
  | { allowed: true }
  | {
      allowed: false;
      /** Whole seconds until the key may try again (`Retry-After`). */
      retryAfterSeconds: number;
      /** The first refusal in this window: worth one log line. */
      first: boolean;
    };

/** Counts requests per key over a minute; shared by replicas in Redis mode. */
export interface PerMinuteLimiter {
  readonly limit: number;
  /** Counts one request. Rejects only when the store cannot be reached. */
  consume(key: string): Promise<LimitDecision>;
}

export interface LimiterOptions {
  limit: number;
  /** Prefix of the counters' keys. */
  name: string;
  /** Counters in Redis when given, in process memory otherwise. */
  redis?: Redis;
}

const MINUTE_SECONDS = 60;

export function perMinuteLimiter(options: LimiterOptions): PerMinuteLimiter {
  const settings = {
    points: options.limit,
    duration: MINUTE_SECONDS,
    keyPrefix: options.name,
  };
  const limiter: RateLimiterAbstract = options.redis
    ? new RateLimiterRedis({
        ...settings,
        storeClient: options.redis,
        rejectIfRedisNotReady: true,
      })
    : new RateLimiterMemory(settings);

  return {
    limit: options.limit,
    async consume(key) {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;

        return {
          allowed: false,
          retryAfterSeconds: Math.max(
            1,
            Math.ceil(refusal.msBeforeNext / 1000),
          ),
          first: refusal.consumedPoints === options.limit + 1,
        };
      }
    },
  };
}
