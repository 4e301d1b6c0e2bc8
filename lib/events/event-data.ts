import type { z } from "zod";
import type { EventData } from "./event";
import { eventDataFields } from "./schema";
import { parseEventTime } from "./timestamp";

/**
 * Reads the known entries of `event_data` (snake_case, as E2B sends them, or
 * camelCase). An entry that does not fit its schema is left out rather than
 * failing the event: optional detail must never cost an authentic event.
 */
export function readEventData(raw: unknown, type: string): EventData {
  const data: EventData = {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return data;
  }

  const field = (...names: string[]): unknown => {
    const name = names.find((n) => Object.hasOwn(raw, n));
    return name === undefined
      ? undefined
      : (raw as Record<string, unknown>)[name];
  };

  const metadata = parseEntry(
    eventDataFields.metadata,
    field("sandbox_metadata", "sandboxMetadata", "metadata"),
  );
  if (metadata.success) {
    data.metadata = Object.fromEntries(Object.entries(metadata.data));
  }

  const execution = parseEntry(eventDataFields.execution, field("execution"));
  if (execution.success) {
    const e = execution.data;
    data.execution = {
      ...(e.started_at !== undefined && { startedAt: e.started_at }),
      ...(e.vcpu_count !== undefined && { vcpuCount: e.vcpu_count }),
      ...(e.memory_mb !== undefined && { memoryMb: e.memory_mb }),
      ...(e.execution_time !== undefined && {
        executionTimeMs: e.execution_time,
      }),
    };
  }

  // The legacy kill body calls it `reason`.
  const reasonNames = type === "sandbox.lifecycle.killed" ? ["reason"] : [];
  const killReason = parseEntry(
    eventDataFields.killReason,
    field("kill_reason", "killReason", ...reasonNames),
  );
  if (killReason.success && killReason.data) data.killReason = killReason.data;

  const setTimeout = parseEntry(
    eventDataFields.setTimeout,
    field("set_timeout", "setTimeout"),
  );
  if (setTimeout.success && parseEventTime(setTimeout.data)) {
    data.setTimeout = setTimeout.data;
  }

  const egress = parseEntry(
    eventDataFields.networkEgress,
    field("network_egress", "networkEgress"),
  );
  if (egress.success) {
    data.networkEgress = {
      allowedCidrs: egress.data.allowed_cidrs ?? null,
      deniedCidrs: egress.data.denied_cidrs ?? null,
      allowedDomains: egress.data.allowed_domains ?? null,
    };
  }

  return data;
}

const ABSENT = { success: false } as const;

// Most events carry one or two of these entries. Skipping the absent ones
// spares zod building an error for each, which was most of the time spent
// normalising an event (BENCHMARKS.md).
function parseEntry<T extends z.ZodType>(schema: T, value: unknown) {
  return value === undefined ? ABSENT : schema.safeParse(value);
}
