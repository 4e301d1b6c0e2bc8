/**
 * Tells live views (the dashboard's event stream) that something changed,
 * so they refresh now instead of at their next periodic check.
 */
export class ChangeFeed {
  readonly #listeners = new Set<() => void>();

  /** Calls `listener` after each change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(): void {
    for (const listener of this.#listeners) listener();
  }

  get size(): number {
    return this.#listeners.size;
  }
}
