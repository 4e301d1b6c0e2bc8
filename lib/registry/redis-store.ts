import type { Redis } from "ioredis";
import type { SandboxEvent } from "../events/event";
import { redisKeys, type RedisKeys } from "../redis/redis-keys";
import { applyArguments, type ApplyTtls } from "./redis/apply-arguments";
import { readApplyReply } from "./redis/apply-reply";
import { APPLY_KEY_COUNT, APPLY_SCRIPT } from "./redis/apply-script";
import { decodeRecord, encodeRecord } from "./redis/record-codec";
import {
  readRegisterReply,
  REGISTER_KEY_COUNT,
  REGISTER_SCRIPT,
} from "./redis/register-script";
import type { RegisterResult } from "./registration";
import {
  toSandbox,
  type Sandbox,
  type SandboxRecord,
  type SandboxState,
  type Tombstone,
} from "./sandbox";
import type {
  RegistryStore,
  StoreApplyOptions,
  StoreApplyResult,
} from "./store";
import type { TransitionContext } from "./transition";

export interface RedisStoreOptions extends ApplyTtls {
  redis: Redis;
  /** Prepended to every key, such as `e2b:`. */
  prefix: string;
}

type WithScripts = Redis & {
  e2bApplyEvent(...keysAndArgs: string[]): Promise<unknown>;
  e2bRegister(...keysAndArgs: string[]): Promise<unknown>;
};

const SCAN_BATCH = 500;

/**
 * The registry in Redis, shared by every replica that uses the same prefix.
 * Same rules and results as `MemoryStore`; `apply` and `register` are each
 * one atomic script.
 * Rejects whenever Redis cannot be reached, so nothing is acknowledged that
 * was not stored.
 */
export class RedisStore implements RegistryStore {
  readonly kind = "redis";
  readonly #redis: WithScripts;
  readonly #keys: RedisKeys;
  readonly #ttls: ApplyTtls;

  constructor(options: RedisStoreOptions) {
    options.redis.defineCommand("e2bApplyEvent", {
      numberOfKeys: APPLY_KEY_COUNT,
      lua: APPLY_SCRIPT,
    });
    options.redis.defineCommand("e2bRegister", {
      numberOfKeys: REGISTER_KEY_COUNT,
      lua: REGISTER_SCRIPT,
    });
    this.#redis = options.redis as WithScripts;
    this.#keys = redisKeys(options.prefix);
    this.#ttls = {
      idempotencyTtlMs: options.idempotencyTtlMs,
      tombstoneTtlMs: options.tombstoneTtlMs,
    };
  }

  async apply(
    event: SandboxEvent,
    context: TransitionContext,
    { withEntries = true }: StoreApplyOptions = {},
  ): Promise<StoreApplyResult> {
    const id = event.sandboxId;
    const reply = await this.#redis.e2bApplyEvent(
      this.#keys.sandbox(id),
      this.#keys.tombstone(id),
      this.#keys.seen(id),
      ...applyArguments(event, context, this.#ttls),
    );
    return readApplyReply(reply, withEntries);
  }

  async get(sandboxId: string): Promise<Sandbox | undefined> {
    const hash = await this.#redis.hgetall(this.#keys.sandbox(sandboxId));
    const record = decodeRecord(hash);
    return record && toSandbox(record);
  }

  // SCAN rather than an index set: an index would live in another hash slot
  // than the sandbox, out of reach of the one-slot apply script.
  async list(filter: { state?: SandboxState } = {}): Promise<Sandbox[]> {
    const sandboxes: Sandbox[] = [];
    const seen = new Set<string>();
    let cursor = "0";
    do {
      const [next, keys] = await this.#redis.scan(
        cursor,
        "MATCH",
        this.#keys.sandboxPattern,
        "COUNT",
        SCAN_BATCH,
      );
      cursor = next;
      const fresh = keys.filter((key) => !seen.has(key));
      for (const key of fresh) seen.add(key);
      for (const record of await this.#readAll(fresh)) {
        if (filter.state && record.state !== filter.state) continue;
        sandboxes.push(toSandbox(record));
      }
    } while (cursor !== "0");
    return sandboxes;
  }

  async getTombstone(sandboxId: string): Promise<Tombstone | undefined> {
    const json = await this.#redis.get(this.#keys.tombstone(sandboxId));
    return json === null ? undefined : (JSON.parse(json) as Tombstone);
  }

  async register(record: SandboxRecord): Promise<RegisterResult> {
    const id = record.sandboxId;
    const encoded = encodeRecord(record);
    const reply = await this.#redis.e2bRegister(
      this.#keys.sandbox(id),
      this.#keys.tombstone(id),
      ...encoded,
    );
    return readRegisterReply(reply, encoded);
  }

  async remove(sandboxId: string): Promise<boolean> {
    return (await this.#redis.del(this.#keys.sandbox(sandboxId))) > 0;
  }

  async ping(): Promise<void> {
    await this.#redis.ping();
  }

  /** Closes the connection this store was given, even while Redis is down. */
  async close(): Promise<void> {
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }

  async #readAll(keys: string[]): Promise<SandboxRecord[]> {
    if (keys.length === 0) return [];

    const pipeline = this.#redis.pipeline();
    for (const key of keys) pipeline.hgetall(key);
    const replies = (await pipeline.exec()) ?? [];

    return replies.flatMap(([error, hash]) => {
      if (error) throw error;
      const record = decodeRecord(hash as Record<string, string>);
      return record ? [record] : [];
    });
  }
}
