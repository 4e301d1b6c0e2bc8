import type { SandboxEvent } from "../events/event";
import type { SandboxManager } from "../registry/sandbox-manager";
import { orderKey } from "../registry/transition";
import type { ReconcileCounts } from "./reconcile-result";

/**
 * Applies collected events oldest first, as trusted (the replay guard is for
 * webhook deliveries, not for events fetched with our own API key), and
 * counts each outcome. Resolves to `false` when `shouldStop` ended it early;
 * rejects when the registry's store does.
 */
export async function applyOldestFirst(
  manager: Pick<SandboxManager, "apply">,
  events: SandboxEvent[],
  counts: ReconcileCounts,
  shouldStop: () => boolean = () => false,
): Promise<boolean> {
  const ordered = [...events].sort((a, b) =>
    orderKey(a) < orderKey(b) ? -1 : 1,
  );
  for (const [i, event] of ordered.entries()) {
    if (i > 0 && i % YIELD_EVERY === 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (shouldStop()) return false;

    const result = await manager.apply(event, { trusted: true });
    counts[result.outcome] += 1;
  }
  return true;
}

// Yield to the event loop now and then: a backlog of thousands of events
// must not hold up the webhook deliveries arriving meanwhile.
const YIELD_EVERY = 50;
