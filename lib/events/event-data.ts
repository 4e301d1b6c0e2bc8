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

  const metadata = eventDataFields.metadata.safeParse(
    field("sandbox_metadata", "sandboxMetadata", "metadata"),
  );
  if (metadata.success) {
    data.metadata = Object.fromEntries(Object.entries(metadata.data));
  }

  const execution = eventDataFields.execution.safeParse(field("execution"));
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
  const killReason = eventDataFields.killReason.safeParse(
    field("kill_reason", "killReason", ...reasonNames),
  );
  if (killReason.success && killReason.data) data.killReason = killReason.data;

  const setTimeout = eventDataFields.setTimeout.safeParse(
    field("set_timeout", "setTimeout"),
  );
  if (setTimeout.success && parseEventTime(setTimeout.data)) {
    data.setTimeout = setTimeout.data;
  }

  const egress = eventDataFields.networkEgress.safeParse(
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
