import { randomUUID } from "node:crypto";

/** Held while one reconciliation runs; release it when done. */
export interface LockLease {
  /**
   * Pushes the expiry `ttlMs` from now. Resolves to `false` once the lease
   * is lost (it expired, or another replica holds the lock); rejects when
   * the lock's store cannot be reached.
   */
  renew(ttlMs: number): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * Lets one replica at a time reconcile. The lease expires by itself after
 * `ttlMs` unless renewed, so a replica that dies mid-run cannot block the
 * others for long.
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
      renew: async (nextTtlMs) => this.#renew(token, nextTtlMs),
      release: async () => {
        if (this.#holder?.token === token) this.#holder = null;
      },
    };
  }

  // An expired lease stays lost even if nobody took the lock meanwhile, as
  // it does in Redis, where the key is gone.
  #renew(token: string, ttlMs: number): boolean {
    const now = this.#now();
    const holder = this.#holder;
    if (holder?.token !== token || holder.expiresAt <= now) return false;

    holder.expiresAt = now + ttlMs;
    return true;
  }
}
