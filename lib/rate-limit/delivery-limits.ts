import type { Redis } from "ioredis";
import type { Config } from "../config/config";
import { failure, type DeliveryResult } from "../pipeline/result";
import { redisKeys } from "../redis/redis-keys";
import { addressKey } from "./address-key";
import {
  perMinuteLimiter,
  type LimitDecision,
  type PerMinuteLimiter,
} from "./per-minute-limiter";

/** The receiver's rate limits; each `null` when turned off. */
export interface DeliveryLimits {
  /** Requests that fail signature checks, per client address. */
  failedAuth: PerMinuteLimiter | null;
  /** Authenticated deliveries per team: off unless configured. */
  team: PerMinuteLimiter | null;
}

/** The limits `config` asks for, counted in Redis when connected. */
export function createDeliveryLimits(
  config: Pick<
    Config,
    "redis" | "failedAuthLimitPerMinute" | "teamLimitPerMinute"
  >,
  redis: Redis | null,
): DeliveryLimits {
  const keys = redisKeys(config.redis?.prefix ?? "");
  const limiter = (limit: number | null, name: string) =>
    limit === null
      ? null
      : perMinuteLimiter({
          limit,
          name: keys.rateLimit(name),
          redis: redis ?? undefined,
        });

  return {
    failedAuth: limiter(config.failedAuthLimitPerMinute, "failed-auth"),
    team: limiter(config.teamLimitPerMinute, "team"),
  };
}

/**
 * Counts a request that failed verification against its address. Resolves
 * to the 429 to answer instead, or `null` to answer the failure as usual,
 * also when the counter cannot be reached: the request is refused anyway.
 */
export async function limitFailedAuth(
  limits: DeliveryLimits | undefined,
  address: string | null,
): Promise<DeliveryResult | null> {
  if (!limits?.failedAuth) return null;

  const decision = await consume(limits.failedAuth, addressKey(address));
  return refusal(
    decision,
    "Too many requests from this address failed verification",
  );
}

/**
 * Counts an authenticated delivery against its team, when that limit is
 * on. A counter that cannot be reached lets the delivery through.
 */
export async function limitTeam(
  limits: DeliveryLimits | undefined,
  teamId: string | undefined,
): Promise<DeliveryResult | null> {
  if (!limits?.team || !teamId) return null;

  const decision = await consume(limits.team, teamId);
  return refusal(decision, "Too many deliveries for this team");
}

// A limit only ever refuses; it must never be why a request fails.
async function consume(
  limiter: PerMinuteLimiter,
  key: string,
): Promise<LimitDecision> {
  try {
    return await limiter.consume(key);
  } catch {
    return { allowed: true };
  }
}

function refusal(
  decision: LimitDecision,
  message: string,
): DeliveryResult | null {
  if (decision.allowed) return null;

  const result = failure("rate_limited", `${message}; retry later`, {
    headers: { "retry-after": String(decision.retryAfterSeconds) },
  });
  return { ...result, quiet: !decision.first };
}
