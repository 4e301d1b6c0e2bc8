import pino, { type Logger } from "pino";
import type { EventData, SandboxEvent } from "@/lib/events/event";
import { parseEventTime } from "@/lib/events/timestamp";
import { MemoryStore } from "@/lib/registry/memory-store";
import { SandboxManager } from "@/lib/registry/sandbox-manager";

/** The fixed "now" of registry tests: every event below is recent to it. */
export const NOW_MS = Date.UTC(2026, 10, 20, 12, 0, 0);
export const DAY_MS = 86_400_000;

const TYPES = {
  created: "sandbox.lifecycle.created",
  updated: "sandbox.lifecycle.updated",
  paused: "sandbox.lifecycle.paused",
  resumed: "sandbox.lifecycle.resumed",
  checkpointed: "sandbox.lifecycle.checkpointed",
  killed: "sandbox.lifecycle.killed",
} as const;

export type ShortType = keyof typeof TYPES;

export interface EventSpec {
  id?: string;
  sandboxId?: string;
  /** RFC 3339; defaults to one hour before `NOW_MS`. */
  at?: string;
  executionId?: string;
  teamId?: string;
  templateId?: string;
  buildId?: string;
  data?: EventData;
}

let counter = 0;

/** A normalised event, as `normaliseEvent` would produce it. */
export function makeEvent(
  type: ShortType | string,
  spec: EventSpec = {},
): SandboxEvent {
  const text = spec.at ?? "2026-11-20T11:00:00Z";
  const time = parseEventTime(text);
  if (!time) throw new Error(`bad test timestamp ${text}`);

  const { id, sandboxId, at: _at, data, ...ids } = spec;
  return {
    id: id ?? `event-${++counter}`,
    type: type in TYPES ? TYPES[type as ShortType] : type,
    shape: "e2b",
    sandboxId: sandboxId ?? "isandbox0000000000001",
    time,
    data: data ?? {},
    ...ids,
  };
}

/** A logger that keeps its lines, parsed, for assertions. */
export function memoryLogger(): { logger: Logger; lines: object[] } {
  const lines: object[] = [];
  const stream = {
    write: (line: string) => lines.push(JSON.parse(line) as object),
  };
  return { logger: pino({ level: "info" }, stream), lines };
}

export interface ManagerSetup {
  maxEventAgeMs?: number | null;
  tombstoneTtlMs?: number;
  logger?: Logger;
}

/** A registry in memory with a fixed clock. */
export function makeManager(setup: ManagerSetup = {}): SandboxManager {
  const store = new MemoryStore({
    tombstoneTtlMs: setup.tombstoneTtlMs ?? DAY_MS,
    tombstoneMaxEntries: 100,
    idempotencyTtlMs: DAY_MS,
    idempotencyMaxEntries: 1_000,
  });
  return new SandboxManager({
    store,
    logger: setup.logger ?? memoryLogger().logger,
    maxEventAgeMs:
      setup.maxEventAgeMs === undefined ? DAY_MS : setup.maxEventAgeMs,
    now: () => NOW_MS,
  });
}
