import { randomUUID } from "node:crypto";

/** Held while one reconciliation runs; release it when done. */
export interface LockLease {
  release(): Promise<void>;
}

/**
 * Lets one replica at a time reconcile. The lease expires by itself after
 * `ttlMs`, so a replica that dies mid-run cannot block the others for long.
 */
export interface ReconcileLock {
  /** Resolves to a lease, or `null` while someone else holds the lock. */
  acquire(ttlMs: number): Promise<LockLease | null>;
}

/** The lock for one process: right whenever the registry is in memory. */
export class MemoryReconcileLock implements ReconcileLock {
  #holder: { token: string; expiresAt: number } | null = null;
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async acquire(ttlMs: number): Promise<LockLease | null> {
    const now = this.#now();
    if (this.#holder && this.#holder.expiresAt > now) return null;

    const token = randomUUID();
    this.#holder = { token, expiresAt: now + ttlMs };
    return {
      release: async () => {
        if (this.#holder?.token === token) this.#holder = null;
      },
    };
  }
}
