import type { SandboxEvent } from "../events/event";
import { eventTimeFromEpoch } from "../events/timestamp";
import { orderKey } from "../registry/transition";
import type { Checkpoint } from "./checkpoint";

/**
 * The checkpoint for the newest of `events`, or `null` for none. An event
 * stamped in the future (a skewed clock) must not move the checkpoint past
 * events that have yet to appear, so its time is capped at `nowMs`.
 */
export function newestCheckpoint(
  events: SandboxEvent[],
  nowMs: number,
): Checkpoint | null {
  let newest: SandboxEvent | undefined;
  for (const event of events) {
    if (!newest || orderKey(event) > orderKey(newest)) newest = event;
  }
  if (!newest) return null;

  const epochMs = Math.min(newest.time.epochMs, nowMs);
  const timeKey =
    epochMs === newest.time.epochMs
      ? newest.time.key
      : eventTimeFromEpoch(epochMs).key;
  return { eventId: newest.id, timeKey, epochMs };
}
