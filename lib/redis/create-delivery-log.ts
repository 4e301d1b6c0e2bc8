import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Config } from "../config/config";
import type { DeliveryLog } from "../observability/delivery-log";
import { MemoryDeliveryLog } from "../observability/memory-delivery-log";
import { RedisDeliveryLog } from "./redis-delivery-log";
import { redisKeys } from "./redis-keys";

/** The delivery log for this configuration: in Redis when connected. */
export function createDeliveryLog(
  config: Pick<Config, "redis" | "deliveryLogSize">,
  redis: Redis | null,
  logger: Logger,
): DeliveryLog {
  if (redis && config.redis) {
    return new RedisDeliveryLog({
      redis,
      key: redisKeys(config.redis.prefix).deliveries,
      capacity: config.deliveryLogSize,
      onWriteError: (error, reports) =>
        logger.warn(
          { err: error, reports },
          "delivery log unavailable; these deliveries are not in it",
        ),
    });
  }

  return new MemoryDeliveryLog(config.deliveryLogSize);
}
