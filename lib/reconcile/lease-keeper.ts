import type { Logger } from "pino";
import type { LockLease } from "./lock";

/**
 * Keeps a lock lease alive while a run holds it: renews it every third of
 * its TTL until `stop()`. A run that takes longer than the TTL (a first run
 * can read hundreds of pages, each allowed 10 s) keeps the lock; a run that
 * loses it sees `lost` and stops before it writes anything shared.
 */
export class LeaseKeeper {
  readonly #lease: LockLease;
  readonly #ttlMs: number;
  readonly #logger: Logger;
  #validUntil: number;
  #lossReason: string | null = null;
  #stopped = false;
  #timer: NodeJS.Timeout | undefined;

  /**
   * `acquiredAt`: the time just before the lease was asked for; its expiry
   * counts from then at the latest.
   */
  constructor(
    lease: LockLease,
    ttlMs: number,
    logger: Logger,
    acquiredAt: number,
  ) {
    this.#lease = lease;
    this.#ttlMs = ttlMs;
    this.#logger = logger;
    this.#validUntil = acquiredAt + ttlMs;
    this.#schedule();
  }

  /**
   * True once a renewal found the lease gone (expired, or another replica
   * holds the lock), or no renewal succeeded for a whole TTL: from then on
   * another replica may be running. Stays true.
   */
  get lost(): boolean {
    if (this.#lossReason === null && Date.now() >= this.#validUntil) {
      this.#lossReason = `no renewal succeeded within the lock's ${this.#ttlMs} ms lifetime`;
    }
    return this.#lossReason !== null;
  }

  /** Why the lease was lost, or `null` while it is held. */
  get lossReason(): string | null {
    return this.lost ? this.#lossReason : null;
  }

  /** Stops renewing; call it before releasing the lease. */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  #schedule(): void {
    const everyMs = Math.max(1, Math.floor(this.#ttlMs / 3));
    // unref: renewing a lease must never keep a stopping process alive.
    this.#timer = setTimeout(() => void this.#renew(), everyMs).unref();
  }

  async #renew(): Promise<void> {
    if (this.#stopped || this.lost) return;

    const startedAt = Date.now();
    try {
      const renewed = await this.#lease.renew(this.#ttlMs);
      if (this.#stopped) return;
      if (!renewed) {
        this.#lossReason = "another replica holds the lock, or it expired";
        return;
      }
      this.#validUntil = startedAt + this.#ttlMs;
    } catch (error) {
      if (this.#stopped) return;
      // Not lost yet: the lease lives until #validUntil, and the next
      // renewal may reach the store again before then.
      this.#logger.warn(
        { err: error },
        "reconcile: renewing the lock failed; trying again",
      );
    }
    this.#schedule();
  }
}
