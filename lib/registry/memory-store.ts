import { LRUCache } from "lru-cache";
import type { SandboxEvent } from "../events/event";
import {
  toSandbox,
  type Sandbox,
  type SandboxRecord,
  type SandboxState,
  type Tombstone,
} from "./sandbox";
import type { RegistryStore, StoreApplyResult } from "./store";
import { transition, type TransitionContext } from "./transition";

export interface MemoryStoreOptions {
  /** How long a killed sandbox stays a tombstone. */
  tombstoneTtlMs: number;
  tombstoneMaxEntries: number;
  /** How long an applied event id is remembered as a duplicate. */
  idempotencyTtlMs: number;
  idempotencyMaxEntries: number;
}

/** The registry in process memory: right for one server. */
export class MemoryStore implements RegistryStore {
  readonly kind = "memory";
  readonly #sandboxes = new Map<string, SandboxRecord>();
  readonly #tombstones: LRUCache<string, Tombstone>;
  readonly #appliedIds: LRUCache<string, true>;

  constructor(options: MemoryStoreOptions) {
    this.#tombstones = new LRUCache({
      max: options.tombstoneMaxEntries,
      ttl: options.tombstoneTtlMs,
    });
    this.#appliedIds = new LRUCache({
      max: options.idempotencyMaxEntries,
      ttl: options.idempotencyTtlMs,
    });
  }

  // Synchronous from the duplicate check to the write: no other apply can
  // interleave, which is what makes concurrent copies apply exactly once.
  async apply(
    event: SandboxEvent,
    context: TransitionContext,
  ): Promise<StoreApplyResult> {
    if (this.#appliedIds.has(event.id)) {
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

    this.#appliedIds.set(event.id, true);
    const previous = current && view(current);
    if (result.outcome === "stale") {
      if (result.next) this.#sandboxes.set(event.sandboxId, copy(result.next));
      return { outcome: "stale", reason: result.reason, previous };
    }

    if (result.next === null) {
      this.#sandboxes.delete(event.sandboxId);
    } else {
      this.#sandboxes.set(event.sandboxId, copy(result.next));
    }
    if (result.tombstone) {
      this.#tombstones.set(event.sandboxId, copy(result.tombstone));
    }

    return {
      outcome: "applied",
      previous,
      sandbox: result.next ? view(result.next) : undefined,
      tombstone: result.tombstone && copy(result.tombstone),
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
    return tombstone && copy(tombstone);
  }

  async put(record: SandboxRecord): Promise<void> {
    this.#sandboxes.set(record.sandboxId, copy(record));
  }

  async remove(sandboxId: string): Promise<boolean> {
    return this.#sandboxes.delete(sandboxId);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}

// The store keeps its own copies: an entry must never share objects with an
// event, a listener or a caller, or changing those would change the registry.
function copy<T>(value: T): T {
  return structuredClone(value);
}

function view(record: SandboxRecord): Sandbox {
  return copy(toSandbox(record));
}
