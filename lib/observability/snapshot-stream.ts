import type { ChangeFeed } from "./change-feed";
import type { DashboardSnapshot } from "./dashboard-snapshot";

export interface SnapshotStreamOptions {
  load: () => Promise<DashboardSnapshot>;
  changes: ChangeFeed;
  /** Ends the stream then (a session's expiry), so the browser must reconnect and sign in again. */
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
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      stop = pump(controller, options);
    },
    cancel() {
      stop();
    },
  });
}

function pump(
  controller: ReadableStreamDefaultController<Uint8Array>,
  options: SnapshotStreamOptions,
): () => void {
  const { throttleMs = 250, intervalMs = 5000, now = Date.now } = options;
  let stopped = false;
  let scheduled = false;
  let last: string | null = null;
  let queue = Promise.resolve();

  const write = (text: string) => {
    if (!stopped) controller.enqueue(encoder.encode(text));
  };
  const refresh = async () => {
    scheduled = false;
    const data = await options.load().then(JSON.stringify, () => null);
    if (data === null) {
      last = null;
      write("event: unavailable\ndata: {}\n\n");
    } else if (data === last) {
      write(": unchanged\n\n");
    } else {
      last = data;
      write(`event: snapshot\ndata: ${data}\n\n`);
    }
  };
  const enqueueRefresh = () => {
    queue = queue.then(refresh);
  };
  let throttle: NodeJS.Timeout | undefined;
  let expiry: NodeJS.Timeout | undefined;
  const unsubscribe = options.changes.subscribe(() => {
    if (scheduled || stopped) return;
    scheduled = true;
    throttle = setTimeout(enqueueRefresh, throttleMs);
  });
  const interval = setInterval(enqueueRefresh, intervalMs);

  const stop = () => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    clearInterval(interval);
    clearTimeout(throttle);
    clearTimeout(expiry);
    options.signal?.removeEventListener("abort", stop);
    try {
      controller.close();
    } catch {
      // Already closed or cancelled by the client: nothing left to end.
    }
  };

  options.signal?.addEventListener("abort", stop);
  if (options.closeAtMs !== null) {
    expiry = setTimeout(stop, Math.max(0, options.closeAtMs - now()));
  }
  write("retry: 3000\n\n");
  enqueueRefresh();
  return stop;
}
