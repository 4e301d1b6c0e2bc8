import { e2bSandbox, type E2bStep } from "@/lib/client/e2b-events";
import {
  redeliver,
  signDelivery,
  type SignedDelivery,
} from "@/lib/client/sign-delivery";

/** One event as E2B sends it, with the id the receiver keys it by. */
export interface StreamEvent {
  eventId: string;
  sandboxId: string;
  body: string;
  delivery: SignedDelivery;
}

/** One HTTP attempt of an event: the original or a retry of it. */
export interface Attempt {
  event: StreamEvent;
  delivery: SignedDelivery;
}

export interface LoadStream {
  /** Every event once, in the order it happened. */
  inOrder: StreamEvent[];
  /** The attempts to send: shuffled, a share of the events twice. */
  attempts: Attempt[];
}

const MIDDLE_STEPS: E2bStep[] = [
  "updated",
  "updated",
  "paused",
  "resumed",
  "checkpointed",
];
const HOUR_MS = 3_600_000;

/**
 * `deliveries` attempts over `sandboxes` fresh sandboxes: each sandbox's
 * events a few seconds apart (created, then updates, pauses, resumes and
 * checkpoints; a third end killed), `duplicateShare` of the attempts being
 * a second copy of an event (same bytes, new delivery id), all shuffled.
 */
export function loadStream(options: {
  sandboxes: number;
  deliveries: number;
  duplicateShare: number;
  secret: string;
  nowMs: number;
}): LoadStream {
  const events = Math.round(options.deliveries * (1 - options.duplicateShare));
  const inOrder: StreamEvent[] = [];
  const startMs = options.nowMs - 3 * HOUR_MS;
  for (let i = 0; i < options.sandboxes; i++) {
    const count =
      Math.floor(events / options.sandboxes) +
      (i < events % options.sandboxes ? 1 : 0);
    inOrder.push(...sandboxEvents(startMs + i * 10_000, count, options.secret));
  }

  const copies = shuffle([...inOrder]).slice(0, options.deliveries - events);
  const attempts: Attempt[] = [
    ...inOrder.map((event) => ({ event, delivery: event.delivery })),
    ...copies.map((event) => ({ event, delivery: redeliver(event.delivery) })),
  ];
  return { inOrder, attempts: shuffle(attempts) };
}

function sandboxEvents(
  startMs: number,
  count: number,
  secret: string,
): StreamEvent[] {
  const sandbox = e2bSandbox({ startMs });
  const killed = Math.random() < 1 / 3;
  const steps: E2bStep[] = Array.from({ length: count }, (_, k) => {
    if (k === 0) return "created";
    if (k === count - 1 && killed) return "killed";
    return (
      MIDDLE_STEPS[Math.floor(Math.random() * MIDDLE_STEPS.length)] ?? "updated"
    );
  });

  return steps.map((step, k) => {
    const body = sandbox.body(step, startMs + k * 7_000);
    const { id } = JSON.parse(body) as { id: string };
    return {
      eventId: id,
      sandboxId: sandbox.sandboxId,
      body,
      delivery: signDelivery(body, { secret, scheme: "e2b" }),
    };
  });
}

/** Fisher-Yates, in place. */
export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
