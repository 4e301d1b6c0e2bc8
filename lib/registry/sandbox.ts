import type {
  ExecutionSummary,
  NetworkEgress,
  SandboxEvent,
} from "../events/event";

export type SandboxState = "running" | "paused";

/** What the registry knows about one live sandbox. */
export interface Sandbox {
  sandboxId: string;
  state: SandboxState;
  teamId: string | null;
  templateId: string | null;
  buildId: string | null;
  executionId: string | null;
  metadata: Record<string, string>;
  /** The earliest event time seen, or when the app registered it. */
  createdAt: string;
  /** When this receiver last changed the entry (its own clock). */
  updatedAt: string;
  lastEventAt: string | null;
  lastEventType: string | null;
  lastEventId: string | null;
  /** When E2B will end the sandbox, from the latest `updated` event. */
  endAt: string | null;
  checkpointedAt: string | null;
  /** Usage reported by the latest `paused` event. */
  execution: ExecutionSummary | null;
  networkEgress: NetworkEgress | null;
}

/**
 * Ordering keys (`<UTC time key>|<event id>`) of the newest event that set
 * each group of fields. Each group is last-writer-wins on its own key, which
 * makes the final entry independent of delivery order.
 */
export interface SandboxClocks {
  first?: string;
  last?: string;
  state?: string;
  execution?: string;
  metadata?: string;
  endAt?: string;
  egress?: string;
  checkpoint?: string;
  usage?: string;
}

/** A registry entry: the public view plus the ordering keys behind it. */
export interface SandboxRecord extends Sandbox {
  clocks: SandboxClocks;
}

/** Left behind by `killed`; any later event for the sandbox is stale. */
export interface Tombstone {
  sandboxId: string;
  state: "killed";
  killedAt: string;
  killReason: string | null;
  eventId: string;
  teamId: string | null;
  templateId: string | null;
}

export function toSandbox(record: SandboxRecord): Sandbox {
  const { clocks: _clocks, ...sandbox } = record;
  return sandbox;
}

/** An entry that no event has touched yet: running, nothing known. */
export function blankRecord(
  sandboxId: string,
  createdAt: string,
  updatedAt: string,
): SandboxRecord {
  return {
    sandboxId,
    state: "running",
    teamId: null,
    templateId: null,
    buildId: null,
    executionId: null,
    metadata: {},
    createdAt,
    updatedAt,
    lastEventAt: null,
    lastEventType: null,
    lastEventId: null,
    endAt: null,
    checkpointedAt: null,
    execution: null,
    networkEgress: null,
    clocks: {},
  };
}

/** What a `killed` event leaves behind. */
export function tombstoneOf(event: SandboxEvent): Tombstone {
  return {
    sandboxId: event.sandboxId,
    state: "killed",
    killedAt: event.time.text,
    killReason: event.data.killReason ?? null,
    eventId: event.id,
    teamId: event.teamId ?? null,
    templateId: event.templateId ?? null,
  };
}
