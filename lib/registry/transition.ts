import type { SandboxEvent } from "../events/event";
import { isLifecycleEventType } from "../events/types";
import {
  blankRecord,
  tombstoneOf,
  type SandboxClocks,
  type SandboxRecord,
  type Tombstone,
} from "./sandbox";

export type Outcome = "applied" | "duplicate" | "stale" | "ignored";

export type StaleReason = "killed" | "too_old" | "superseded";

export interface TransitionContext {
  nowMs: number;
  /** Events older than this are stale; `null` turns the replay guard off. */
  maxEventAgeMs: number | null;
}

/**
 * What applying one event does to one sandbox. `next` is the new entry,
 * `null` to remove it, or `undefined` to leave it as it was.
 */
export type Transition =
  | { outcome: "ignored"; reason: "unknown_type" }
  | { outcome: "stale"; reason: StaleReason; next?: SandboxRecord }
  | { outcome: "applied"; next: SandboxRecord | null; tombstone?: Tombstone };

/**
 * The registry's rules as one pure function (the Redis script mirrors it):
 * killed is terminal, events older than the replay window are refused, and
 * every other event feeds last-writer-wins fields so that any delivery order
 * ends in the entry that in-order delivery gives.
 */
export function transition(
  current: SandboxRecord | undefined,
  tombstone: Tombstone | undefined,
  event: SandboxEvent,
  context: TransitionContext,
): Transition {
  if (!isLifecycleEventType(event.type)) {
    return { outcome: "ignored", reason: "unknown_type" };
  }

  if (tombstone) return { outcome: "stale", reason: "killed" };

  const { maxEventAgeMs, nowMs } = context;
  if (maxEventAgeMs !== null && event.time.epochMs < nowMs - maxEventAgeMs) {
    return { outcome: "stale", reason: "too_old" };
  }

  if (event.type === "sandbox.lifecycle.killed") {
    return { outcome: "applied", next: null, tombstone: tombstoneOf(event) };
  }

  const base =
    current ??
    blankRecord(event.sandboxId, event.time.text, isoTime(context.nowMs));
  const newest =
    base.clocks.last === undefined || orderKey(event) > base.clocks.last;
  const next: SandboxRecord = { ...base, clocks: { ...base.clocks } };
  const stateBefore = base.clocks.state;
  const advanced = applyFields(next, event);
  const filled = fillUnknown(next, event);
  if (advanced || filled || !current) {
    next.updatedAt = isoTime(context.nowMs);
  }

  // Applied: the newest event of the sandbox, or the newest word on its
  // state (a `resumed` overtaken by its own `checkpointed` still resumes
  // it, and its listeners must hear so). Any other older event is stale,
  // though it may still fill fields it is the newest source for.
  const stateAdvanced = next.clocks.state !== stateBefore;
  if (newest || stateAdvanced) return { outcome: "applied", next };

  return advanced || filled
    ? { outcome: "stale", reason: "superseded", next }
    : { outcome: "stale", reason: "superseded" };
}

/** The key that orders two events: time first, then id to break ties. */
export function orderKey(event: SandboxEvent): string {
  return `${event.time.key}|${event.id}`;
}

function applyFields(record: SandboxRecord, event: SandboxEvent): boolean {
  const key = orderKey(event);
  const { data, type } = event;
  const newer = (clock: keyof SandboxClocks): boolean => {
    const previous = record.clocks[clock];
    if (previous !== undefined && previous >= key) return false;
    record.clocks[clock] = key;
    return true;
  };
  let advanced = false;

  if (newer("last")) {
    record.lastEventAt = event.time.text;
    record.lastEventType = type;
    record.lastEventId = event.id;
    advanced = true;
  }
  const state = stateAfter(type);
  if (state && newer("state")) {
    record.state = state;
    advanced = true;
  }
  if (event.executionId && newer("execution")) {
    record.executionId = event.executionId;
    advanced = true;
  }
  if (data.metadata && newer("metadata")) {
    record.metadata = data.metadata;
    advanced = true;
  }
  if (data.setTimeout && newer("endAt")) {
    record.endAt = data.setTimeout;
    advanced = true;
  }
  if (data.networkEgress && newer("egress")) {
    record.networkEgress = data.networkEgress;
    advanced = true;
  }
  if (type === "sandbox.lifecycle.checkpointed" && newer("checkpoint")) {
    record.checkpointedAt = event.time.text;
    advanced = true;
  }
  if (data.execution && newer("usage")) {
    record.execution = data.execution;
    advanced = true;
  }

  return advanced;
}

/** Fields that never change for a sandbox: the first value seen stays. */
function fillUnknown(record: SandboxRecord, event: SandboxEvent): boolean {
  let filled = false;
  for (const field of ["teamId", "templateId", "buildId"] as const) {
    const value = event[field];
    if (value && record[field] === null) {
      record[field] = value;
      filled = true;
    }
  }

  const first = record.clocks.first;
  if (first === undefined || event.time.key < first) {
    record.clocks.first = event.time.key;
    record.createdAt = event.time.text;
    filled = true;
  }

  return filled;
}

// A burst of events within one millisecond shares one `updatedAt` string
// instead of formatting, and keeping, a copy per entry.
let lastIso = { ms: Number.NaN, text: "" };
function isoTime(ms: number): string {
  if (ms !== lastIso.ms) lastIso = { ms, text: new Date(ms).toISOString() };
  return lastIso.text;
}

function stateAfter(type: string): SandboxRecord["state"] | null {
  if (type === "sandbox.lifecycle.paused") return "paused";
  if (type === "sandbox.lifecycle.created") return "running";
  if (type === "sandbox.lifecycle.resumed") return "running";
  return null;
}
