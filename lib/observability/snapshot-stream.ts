import type { ChangeFeed } from "./change-feed";
import type { DashboardSnapshot } from "./dashboard-snapshot";

export interface SnapshotStreamOptions {
  load: () => Promise<DashboardSnapshot>;
  changes: ChangeFeed;
  /** Ends the stream then (a session's expiry): the browser must sign in again. */
  closeAtMs: number | null;
  signal?: AbortSignal;
  /** Re-reads the snapshot this often, for changes made by another replica. */
  intervalMs?: number;
  /** Coalesces a burst of deliveries into one snapshot. */
  throttleMs?: number;
  now?: () => number;
}

const encoder = new TextEncoder();

/**
 * A server-sent event stream of dashboard snapshots: one at once, then one
 * after each change (throttled), and a re-check every `intervalMs` that
 * sends a snapshot only when it differs and a comment line otherwise.
 */
export function snapshotStream(
  options: SnapshotStreamOptions,
): ReadableStream<Uint8Array> {
  let pump: SnapshotPump | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      pump = new SnapshotPump(controller, options);
    },
    cancel() {
      pump?.stop();
    },
  });
}

class SnapshotPump {
  readonly #controller: ReadableStreamDefaultController<Uint8Array>;
  readonly #options: SnapshotStreamOptions;
  readonly #unsubscribe: () => void;
  readonly #interval: NodeJS.Timeout;
  #expiry: NodeJS.Timeout | undefined;
  #throttle: NodeJS.Timeout | undefined;
  #queue = Promise.resolve();
  #last: string | null = null;
  #stopped = false;

  constructor(
    controller: ReadableStreamDefaultController<Uint8Array>,
    options: SnapshotStreamOptions,
  ) {
    this.#controller = controller;
    this.#options = options;
    this.#unsubscribe = options.changes.subscribe(() => this.#changed());
    this.#interval = setInterval(this.#enqueue, options.intervalMs ?? 5000);
    options.signal?.addEventListener("abort", this.stop);
    if (options.closeAtMs !== null) {
      const now = (options.now ?? Date.now)();
      this.#expiry = setTimeout(this.stop, options.closeAtMs - now);
    }

    this.#write("retry: 3000\n\n");
    this.#enqueue();
  }

  readonly stop = (): void => {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#unsubscribe();
    clearInterval(this.#interval);
    clearTimeout(this.#throttle);
    clearTimeout(this.#expiry);
    this.#options.signal?.removeEventListener("abort", this.stop);
    try {
      this.#controller.close();
    } catch {
      // Already closed or cancelled by the client: nothing left to end.
    }
  };

  #changed(): void {
    if (this.#throttle !== undefined || this.#stopped) return;

    this.#throttle = setTimeout(() => {
      this.#throttle = undefined;
      this.#enqueue();
    }, this.#options.throttleMs ?? 250);
  }

  // One refresh at a time, in order, so snapshots never arrive out of order.
  readonly #enqueue = (): void => {
    this.#queue = this.#queue.then(() => this.#refresh());
  };

  async #refresh(): Promise<void> {
    const data = await this.#options.load().then(JSON.stringify, () => null);
    if (data === null) {
      this.#last = null;
      this.#write("event: unavailable\ndata: {}\n\n");
    } else if (data === this.#last) {
      this.#write(": unchanged\n\n");
    } else {
      this.#last = data;
      this.#write(`event: snapshot\ndata: ${data}\n\n`);
    }
  }

  #write(text: string): void {
    if (!this.#stopped) this.#controller.enqueue(encoder.encode(text));
  }
}
