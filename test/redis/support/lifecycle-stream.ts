import { E2B_STEPS, e2bSandbox } from "@/lib/client/e2b-events";
import { signDelivery, type SignedDelivery } from "@/lib/client/sign-delivery";
import { normaliseEvent } from "@/lib/events/normalise";
import { MemoryStore } from "@/lib/registry/memory-store";
import type { Sandbox } from "@/lib/registry/sandbox";
import type { RegistryStore } from "@/lib/registry/store";

/** One event as E2B would send it, with the id the receiver keys it by. */
export interface StreamEvent {
  eventId: string;
  sandboxId: string;
  body: string;
  delivery: SignedDelivery;
}

/**
 * Lifecycles of `sandboxes` fresh sandboxes, in the order they happen: each
 * goes through the first one to six of E2B's steps, so some end running,
 * some paused, some killed.
 */
export function lifecycleStream(
  sandboxes: number,
  secret: string,
): StreamEvent[] {
  const events: StreamEvent[] = [];
  const startMs = Date.now() - 2 * 3_600_000;
  for (let i = 0; i < sandboxes; i++) {
    const sandbox = e2bSandbox({ startMs: startMs + i * 1_000 });
    const steps = E2B_STEPS.slice(0, 1 + (i % E2B_STEPS.length));
    for (const step of steps) {
      const body = sandbox.body(step);
      const { id } = JSON.parse(body) as { id: string };
      const delivery = signDelivery(body, { secret, scheme: "e2b" });
      events.push({
        eventId: id,
        sandboxId: sandbox.sandboxId,
        body,
        delivery,
      });
    }
  }
  return events;
}

/** The registry that delivering `events` once each, in order, gives. */
export async function inOrderRegistry(
  events: StreamEvent[],
): Promise<RegistryStore> {
  const store = new MemoryStore({
    tombstoneTtlMs: 86_400_000,
    tombstoneMaxEntries: 100_000,
    idempotencyTtlMs: 86_400_000,
    idempotencyMaxEntries: 100_000,
  });
  for (const event of events) {
    const payload = Buffer.from(event.body);
    const parsed = normaliseEvent(JSON.parse(event.body), payload, Date.now());
    if (!parsed.ok) throw new Error(`stream event did not normalise`);
    await store.apply(parsed.event, { nowMs: Date.now(), maxEventAgeMs: null });
  }
  return store;
}

/** Entries comparable across receivers: without their own clock's field. */
export function comparable(sandboxes: Sandbox[]): object[] {
  return sandboxes
    .map(({ updatedAt: _updatedAt, ...rest }) => rest)
    .sort((a, b) => a.sandboxId.localeCompare(b.sandboxId));
}

/** Fisher-Yates, in place. */
export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Runs `jobs` with at most `concurrency` of them in flight. */
export async function runPool(
  jobs: (() => Promise<void>)[],
  concurrency: number,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (job) await job();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
