import type { Logger } from "pino";
import type { SandboxEvent } from "../events/event";
import type { LifecycleEventType } from "../events/types";
import type { RegisterResult } from "./registration";
import {
  blankRecord,
  type Sandbox,
  type SandboxState,
  type Tombstone,
} from "./sandbox";
import type { RegistryStore, StoreApplyResult } from "./store";

export type { RegisterResult } from "./registration";

/** Passed to listeners for every event that changed the registry. */
export interface SandboxChange {
  event: SandboxEvent;
  /** The entry after the event; `undefined` once killed. */
  sandbox: Sandbox | undefined;
  previous: Sandbox | undefined;
  tombstone: Tombstone | undefined;
}

export type SandboxListener = (change: SandboxChange) => void | Promise<void>;

export type ListenerTopic = LifecycleEventType | "*";

export interface ApplyOptions {
  /**
   * Skip the replay guard: right for events fetched from E2B's events API
   * with our own key, never for webhook deliveries.
   */
  trusted?: boolean;
}

/** What the app knows about a sandbox it created itself. */
export interface SandboxRegistration {
  /** Used only when the sandbox is new to the registry. */
  state?: SandboxState;
  teamId?: string;
  templateId?: string;
  buildId?: string;
  executionId?: string;
  metadata?: Record<string, string>;
}

export interface SandboxManagerOptions {
  store: RegistryStore;
  logger: Logger;
  /** The replay window; `null` accepts events of any age. */
  maxEventAgeMs: number | null;
  now?: () => number;
}

/**
 * The registry of live sandboxes, kept true by E2B's lifecycle events.
 *
 * @example
 * sandboxManager.on("sandbox.lifecycle.killed", ({ event }) => {
 *   console.log(`sandbox ${event.sandboxId} is gone`);
 * });
 * const running = await sandboxManager.list({ state: "running" });
 */
export class SandboxManager {
  readonly #store: RegistryStore;
  readonly #logger: Logger;
  readonly #maxEventAgeMs: number | null;
  readonly #now: () => number;
  readonly #listeners = new Map<ListenerTopic, Set<SandboxListener>>();
  #listenerCount = 0;

  constructor(options: SandboxManagerOptions) {
    this.#store = options.store;
    this.#logger = options.logger;
    this.#maxEventAgeMs = options.maxEventAgeMs;
    this.#now = options.now ?? Date.now;
  }

  get storeKind(): RegistryStore["kind"] {
    return this.#store.kind;
  }

  /** Resolves when the store is reachable; rejects with the store's error. */
  ping(): Promise<void> {
    return this.#store.ping();
  }

  /**
   * Applies one event under the registry's rules and tells listeners when
   * it changed something. Rejects only when the store cannot be reached.
   */
  async apply(
    event: SandboxEvent,
    options: ApplyOptions = {},
  ): Promise<StoreApplyResult> {
    const result = await this.#store.apply(
      event,
      {
        nowMs: this.#now(),
        maxEventAgeMs: options.trusted ? null : this.#maxEventAgeMs,
      },
      // With nobody listening, nobody reads the entries: spare their copies.
      { withEntries: this.#listenerCount > 0 },
    );
    if (result.outcome === "applied") this.#notify(event, result);

    return result;
  }

  get(sandboxId: string): Promise<Sandbox | undefined> {
    return this.#store.get(sandboxId);
  }

  list(filter: { state?: SandboxState } = {}): Promise<Sandbox[]> {
    return this.#store.list(filter);
  }

  /** The tombstone of a killed sandbox, while it is kept. */
  getTombstone(sandboxId: string): Promise<Tombstone | undefined> {
    return this.#store.getTombstone(sandboxId);
  }

  /**
   * Tracks a sandbox the app created itself. Adds it when unknown; when
   * E2B's events got there first (`created` often lands before
   * `Sandbox.create()` returns), only fills what they left unknown: null
   * identifiers and empty metadata. The state, times and ordering keys stay
   * the events', so the entry ends the same in either order. Refuses with
   * `{ ok: false, reason: "killed" }` while the sandbox has a tombstone.
   *
   * @example
   * const result = await sandboxManager.register(sandbox.sandboxId, {
   *   templateId: "base",
   * });
   * if (!result.ok) console.log("killed at", result.tombstone.killedAt);
   */
  async register(
    sandboxId: string,
    info: SandboxRegistration = {},
  ): Promise<RegisterResult> {
    const now = new Date(this.#now()).toISOString();
    return this.#store.register({
      ...blankRecord(sandboxId, now, now),
      state: info.state ?? "running",
      teamId: info.teamId ?? null,
      templateId: info.templateId ?? null,
      buildId: info.buildId ?? null,
      executionId: info.executionId ?? null,
      metadata: { ...info.metadata },
    });
  }

  /** Forgets a sandbox without a tombstone. Resolves to whether it existed. */
  remove(sandboxId: string): Promise<boolean> {
    return this.#store.remove(sandboxId);
  }

  /** Calls `listener` after each applied event of `topic` (`"*"`: all). */
  on(topic: ListenerTopic, listener: SandboxListener): this {
    const listeners = this.#listeners.get(topic) ?? new Set();
    if (!listeners.has(listener)) this.#listenerCount += 1;
    listeners.add(listener);
    this.#listeners.set(topic, listeners);
    return this;
  }

  off(topic: ListenerTopic, listener: SandboxListener): this {
    if (this.#listeners.get(topic)?.delete(listener)) this.#listenerCount -= 1;
    return this;
  }

  // Listeners run after the event is stored and are not awaited: a slow or
  // failing listener must never delay or fail the delivery E2B is waiting on.
  #notify(event: SandboxEvent, result: StoreApplyResult): void {
    const change: SandboxChange = {
      event,
      sandbox: result.sandbox,
      previous: result.previous,
      tombstone: result.tombstone,
    };
    const topics: ListenerTopic[] = [event.type as LifecycleEventType, "*"];

    for (const topic of topics) {
      for (const listener of this.#listeners.get(topic) ?? []) {
        this.#run(listener, change);
      }
    }
  }

  #run(listener: SandboxListener, change: SandboxChange): void {
    const report = (error: unknown) =>
      this.#logger.error(
        { err: error, eventId: change.event.id, eventType: change.event.type },
        "sandbox listener failed",
      );
    try {
      Promise.resolve(listener(change)).catch(report);
    } catch (error) {
      report(error);
    }
  }
}
