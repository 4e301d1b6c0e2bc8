import type { EventTime } from "./timestamp";

/** Which of the three accepted body shapes an event arrived in. */
export type EventShape = "e2b" | "camel" | "legacy";

export interface ExecutionSummary {
  startedAt?: string;
  vcpuCount?: number;
  memoryMb?: number;
  executionTimeMs?: number;
}

export interface NetworkEgress {
  allowedCidrs: string[] | null;
  deniedCidrs: string[] | null;
  allowedDomains: string[] | null;
}

export interface EventData {
  metadata?: Record<string, string>;
  execution?: ExecutionSummary;
  killReason?: string;
  /** The sandbox's new end time, from an `updated` event. */
  setTimeout?: string;
  networkEgress?: NetworkEgress;
}

/**
 * One lifecycle event, whichever shape it arrived in. Identifiers E2B sends
 * as `""` are absent here.
 */
export interface SandboxEvent {
  /** The idempotency key: E2B's event id, or the raw body's SHA-256 (hex). */
  id: string;
  /** The full type name, such as `sandbox.lifecycle.killed`. */
  type: string;
  shape: EventShape;
  sandboxId: string;
  executionId?: string;
  teamId?: string;
  templateId?: string;
  buildId?: string;
  /** When it happened, at full precision; the receive time if it had none. */
  time: EventTime;
  data: EventData;
}
