import type { EventData, SandboxEvent } from "@/lib/events/event";
import { parseEventTime } from "@/lib/events/timestamp";

export const T0 = Date.parse("2026-11-20T10:00:00Z");

/** A context whose clock is just after the events and whose window is 1 h. */
export const CONTEXT = { nowMs: T0 + 60_000, maxEventAgeMs: 3_600_000 };

export interface EventSpec {
  id: string;
  sandboxId?: string;
  /** `paused`, or a full type name such as `sandbox.snapshot.taken`. */
  type?: string;
  /** An RFC 3339 timestamp, or seconds after T0. */
  at?: string | number;
  executionId?: string;
  teamId?: string;
  templateId?: string;
  buildId?: string;
  data?: EventData;
}

/** A normalised lifecycle event for the registry's rules. */
export function lifecycleEvent(spec: EventSpec): SandboxEvent {
  const at = spec.at ?? 0;
  const text =
    typeof at === "string" ? at : new Date(T0 + at * 1000).toISOString();
  const time = parseEventTime(text);
  if (!time) throw new Error(`bad test timestamp ${text}`);

  const event: SandboxEvent = {
    id: spec.id,
    type: fullType(spec.type ?? "created"),
    shape: "e2b",
    sandboxId: spec.sandboxId ?? "isbx000000000000000001",
    time,
    data: spec.data ?? {},
  };
  for (const key of [
    "executionId",
    "teamId",
    "templateId",
    "buildId",
  ] as const) {
    const value = spec[key];
    if (value !== undefined) event[key] = value;
  }
  return event;
}

function fullType(type: string): string {
  return type.includes(".") ? type : `sandbox.lifecycle.${type}`;
}
