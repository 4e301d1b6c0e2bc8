import type { SandboxEvent } from "../events/event";
import type {
  Sandbox,
  SandboxRecord,
  SandboxState,
  Tombstone,
} from "./sandbox";
import type { RegisterResult } from "./registration";
import type { Outcome, StaleReason, TransitionContext } from "./transition";

/** What one `apply` did, as the store committed it. */
export interface StoreApplyResult {
  outcome: Outcome;
  reason?: StaleReason | "unknown_type" | "already_applied";
  /** The entry before the event, when there was one. */
  previous?: Sandbox;
  /** The entry after the event; absent when killed or unchanged. */
  sandbox?: Sandbox;
  tombstone?: Tombstone;
}

export interface StoreApplyOptions {
  /**
   * Whether the result carries the entries before and after the event
   * (default true). Copying or decoding them is most of what an apply costs
   * beyond the rules, so the manager asks only when a listener will see them.
   */
  withEntries?: boolean;
}

/**
 * Where the registry lives: process memory, or Redis shared by replicas.
 * `apply` is atomic: the duplicate check, the rules and the write happen as
 * one step, so concurrent copies of an event apply exactly once.
 */
export interface RegistryStore {
  readonly kind: "memory" | "redis";
  apply(
    event: SandboxEvent,
    context: TransitionContext,
    options?: StoreApplyOptions,
  ): Promise<StoreApplyResult>;
  get(sandboxId: string): Promise<Sandbox | undefined>;
  list(filter?: { state?: SandboxState }): Promise<Sandbox[]>;
  getTombstone(sandboxId: string): Promise<Tombstone | undefined>;
  /**
   * Adds an entry the application created itself, or fills the gaps of the
   * one events already made (`mergeRegistration`), in one atomic step.
   * Refuses while the sandbox has a tombstone.
   */
  register(record: SandboxRecord): Promise<RegisterResult>;
  remove(sandboxId: string): Promise<boolean>;
  /** Resolves when the store is reachable; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
