import { LRUCache } from "lru-cache";
import type { SandboxEvent } from "../events/event";
import { copyRecord, copyTombstone, viewRecord as view } from "./copy-record";
import { mergeRegistration, type RegisterResult } from "./registration";
import {
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
import { transition, type TransitionContext } from "./transition";

export interface MemoryStoreOptions {
  /** How long a killed sandbox stays a tombstone. */
  tombstoneTtlMs: number;
  tombstoneMaxEntries: number;
  /** How long an applied event id is remembered as a duplicate. */
  idempotencyTtlMs: number;
  idempotencyMaxEntries: number;
  /** Milliseconds on a steady clock, for expiry; `performance.now` if unset. */
  now?: () => number;
}

/** The registry in process memory: right for one server. */
export class MemoryStore implements RegistryStore {
  readonly kind = "memory";
  readonly #sandboxes = new Map<string, SandboxRecord>();
  readonly #tombstones: LRUCache<string, Tombstone>;
  readonly #appliedIds: LRUCache<string, true>;

  constructor(options: MemoryStoreOptions) {
    // lru-cache reuses one reading of its clock for `ttlResolution` ms; at 0
    // it reads the given clock on every check, so a test's clock step shows.
    const clock = {
      perf: { now: options.now ?? (() => performance.now()) },
      ttlResolution: 0,
    };
    this.#tombstones = new LRUCache({
      max: options.tombstoneMaxEntries,
      ttl: options.tombstoneTtlMs,
      ...clock,
    });
    this.#appliedIds = new LRUCache({
      max: options.idempotencyMaxEntries,
      ttl: options.idempotencyTtlMs,
      ...clock,
    });
  }

  // Synchronous from the duplicate check to the write: no other apply can
  // interleave, which is what makes concurrent copies apply exactly once.
  async apply(
    event: SandboxEvent,
    context: TransitionContext,
    { withEntries = true }: StoreApplyOptions = {},
  ): Promise<StoreApplyResult> {
    // Ids are remembered per sandbox, as the Redis store must (one hash slot).
    const seenKey = `${event.sandboxId}\n${event.id}`;
    if (this.#appliedIds.has(seenKey)) {
      return { outcome: "duplicate", reason: "already_applied" };
    }

    const current = this.#sandboxes.get(event.sandboxId);
    const tombstone = this.#tombstones.get(event.sandboxId);
    const result = transition(current, tombstone, event, context);
    if (result.outcome === "ignored") return result;
    // Not applied, so not remembered: a trusted apply of the same event
    // (fetched from E2B's events API) must still go through.
    if (result.outcome === "stale" && result.reason === "too_old") {
      return { outcome: "stale", reason: "too_old" };
    }

    this.#appliedIds.set(seenKey, true);
    const previous = withEntries && current ? view(current) : undefined;
    if (result.outcome === "stale") {
      if (result.next) {
        this.#sandboxes.set(event.sandboxId, copyRecord(result.next));
      }
      return { outcome: "stale", reason: result.reason, previous };
    }

    if (result.next === null) {
      this.#sandboxes.delete(event.sandboxId);
    } else {
      this.#sandboxes.set(event.sandboxId, copyRecord(result.next));
    }
    if (result.tombstone) {
      this.#tombstones.set(event.sandboxId, copyTombstone(result.tombstone));
    }

    return {
      outcome: "applied",
      previous,
      sandbox: withEntries && result.next ? view(result.next) : undefined,
      tombstone: result.tombstone && copyTombstone(result.tombstone),
    };
  }

  async get(sandboxId: string): Promise<Sandbox | undefined> {
    const record = this.#sandboxes.get(sandboxId);
    return record && view(record);
  }

  async list(filter: { state?: SandboxState } = {}): Promise<Sandbox[]> {
    const sandboxes: Sandbox[] = [];
    for (const record of this.#sandboxes.values()) {
      if (filter.state && record.state !== filter.state) continue;
      sandboxes.push(view(record));
    }
    return sandboxes;
  }

  async getTombstone(sandboxId: string): Promise<Tombstone | undefined> {
    const tombstone = this.#tombstones.get(sandboxId);
    return tombstone && copyTombstone(tombstone);
  }

  async register(record: SandboxRecord): Promise<RegisterResult> {
    const tombstone = this.#tombstones.get(record.sandboxId);
    if (tombstone) {
      return {
        ok: false,
        reason: "killed",
        tombstone: copyTombstone(tombstone),
      };
    }

    const current = this.#sandboxes.get(record.sandboxId);
    const next = current ? mergeRegistration(current, record) : record;
    if (next !== current) {
      this.#sandboxes.set(record.sandboxId, copyRecord(next));
    }
    return { ok: true, created: !current, sandbox: view(next) };
  }

  async remove(sandboxId: string): Promise<boolean> {
    return this.#sandboxes.delete(sandboxId);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
