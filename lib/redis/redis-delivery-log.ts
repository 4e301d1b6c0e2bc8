import type { Redis } from "ioredis";
import type { DeliveryLog } from "../observability/delivery-log";
import type { DeliveryReport } from "../pipeline/report-delivery";

export interface RedisDeliveryLogOptions {
  redis: Redis;
  key: string;
  capacity: number;
  /**
   * How long a report may wait to go out with the reports after it
   * (default 50 ms). One write then carries every report of that window.
   */
  flushIntervalMs?: number;
  /** Called when a batch could not be written; those reports are gone. */
  onWriteError?: (error: unknown, reports: number) => void;
}

const DEFAULT_FLUSH_INTERVAL_MS = 50;

/**
 * The delivery log in Redis, shared by every replica: a list under one key,
 * newest first, trimmed to `capacity` on every write so it never grows.
 *
 * Reports are written behind the deliveries, in batches: a delivery's one
 * round trip to Redis is the registry's apply, and a busy replica adds one
 * `LPUSH … LTRIM` per batch rather than one per delivery. `recent` writes
 * what is waiting first, so a replica always reads its own reports; other
 * replicas see them within `flushIntervalMs`. A replica that dies abruptly
 * loses the reports of its last interval from the log, never an event.
 */
export class RedisDeliveryLog implements DeliveryLog {
  readonly kind = "redis";
  readonly capacity: number;
  readonly #redis: Redis;
  readonly #key: string;
  readonly #flushIntervalMs: number;
  readonly #onWriteError: (error: unknown, reports: number) => void;
  /** Serialised reports not written yet, oldest first. */
  #waiting: string[] = [];
  #timer: NodeJS.Timeout | undefined;
  /** The batch being written; batches go out one after another, in order. */
  #writing: Promise<void> = Promise.resolve();

  constructor(options: RedisDeliveryLogOptions) {
    if (!Number.isInteger(options.capacity) || options.capacity < 1) {
      throw new RangeError(
        `delivery log capacity must be a whole number >= 1, got ${options.capacity}`,
      );
    }
    this.capacity = options.capacity;
    this.#redis = options.redis;
    this.#key = options.key;
    this.#flushIntervalMs =
      options.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS;
    this.#onWriteError = options.onWriteError ?? (() => {});
  }

  /** Queues the report for the next batch; never waits for Redis. */
  async record(report: DeliveryReport): Promise<void> {
    this.#waiting.push(JSON.stringify(report));
    // The list keeps only the newest `capacity` reports: older ones waiting
    // while Redis is down would be trimmed on arrival anyway.
    if (this.#waiting.length > this.capacity) this.#waiting.shift();

    this.#timer ??= setTimeout(() => void this.flush(), this.#flushIntervalMs);
    this.#timer.unref();
  }

  /** Writes every waiting report; resolves once they are in Redis or lost. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#waiting;
    if (batch.length === 0) return this.#writing;

    this.#waiting = [];
    this.#writing = this.#writing.then(() => this.#write(batch));
    return this.#writing;
  }

  async recent(limit: number = this.capacity): Promise<DeliveryReport[]> {
    const count = Math.max(0, Math.floor(Math.min(limit, this.capacity)));
    if (count === 0) return [];

    await this.flush();
    const items = await this.#redis.lrange(this.#key, 0, count - 1);
    return items.map((item) => JSON.parse(item) as DeliveryReport);
  }

  async #write(batch: string[]): Promise<void> {
    try {
      // LPUSH with several values puts the last one at the head: newest first.
      const replies = await this.#redis
        .multi()
        .lpush(this.#key, ...batch)
        .ltrim(this.#key, 0, this.capacity - 1)
        .exec();
      for (const [error] of replies ?? []) if (error) throw error;
    } catch (error) {
      this.#onWriteError(error, batch.length);
    }
  }
}
