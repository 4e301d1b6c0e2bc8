import type { Redis } from "ioredis";
import type { DeliveryLog } from "../observability/delivery-log";
import type { DeliveryReport } from "../pipeline/report-delivery";

/**
 * The delivery log in Redis, shared by every replica: a list under one key,
 * newest first, trimmed to `capacity` on every write so it never grows.
 */
export class RedisDeliveryLog implements DeliveryLog {
  readonly kind = "redis";
  readonly capacity: number;
  readonly #redis: Redis;
  readonly #key: string;

  constructor(options: { redis: Redis; key: string; capacity: number }) {
    if (!Number.isInteger(options.capacity) || options.capacity < 1) {
      throw new RangeError(
        `delivery log capacity must be a whole number >= 1, got ${options.capacity}`,
      );
    }
    this.capacity = options.capacity;
    this.#redis = options.redis;
    this.#key = options.key;
  }

  async record(report: DeliveryReport): Promise<void> {
    const replies = await this.#redis
      .multi()
      .lpush(this.#key, JSON.stringify(report))
      .ltrim(this.#key, 0, this.capacity - 1)
      .exec();
    for (const [error] of replies ?? []) if (error) throw error;
  }

  async recent(limit: number = this.capacity): Promise<DeliveryReport[]> {
    const count = Math.max(0, Math.floor(Math.min(limit, this.capacity)));
    if (count === 0) return [];

    const items = await this.#redis.lrange(this.#key, 0, count - 1);
    return items.map((item) => JSON.parse(item) as DeliveryReport);
  }
}
