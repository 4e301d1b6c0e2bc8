import pino from "pino";
import { normaliseEvent } from "@/lib/events/normalise";
import { MemoryStore } from "@/lib/registry/memory-store";
import type { Sandbox, Tombstone } from "@/lib/registry/sandbox";
import { SandboxManager } from "@/lib/registry/sandbox-manager";
import type { StreamEvent } from "./load-stream";

const DAY_MS = 86_400_000;

export interface Registry {
  sandboxes: Sandbox[];
  tombstones: Map<string, Tombstone>;
}

/**
 * The registry that delivering `events` once each, in order, gives: a
 * MemoryStore-backed SandboxManager on a fixed clock, in this process.
 */
export async function inOrderRegistry(
  events: StreamEvent[],
  nowMs: number,
): Promise<Registry> {
  const manager = new SandboxManager({
    store: new MemoryStore({
      tombstoneTtlMs: DAY_MS,
      tombstoneMaxEntries: 1_000_000,
      idempotencyTtlMs: DAY_MS,
      idempotencyMaxEntries: 1_000_000,
    }),
    logger: pino({ level: "silent" }),
    maxEventAgeMs: DAY_MS,
    now: () => nowMs,
  });
  for (const event of events) {
    const bytes = Buffer.from(event.body);
    const parsed = normaliseEvent(JSON.parse(event.body), bytes, nowMs);
    if (!parsed.ok) throw new Error(`stream event ${event.eventId} is invalid`);
    await manager.apply(parsed.event);
  }

  const tombstones = new Map<string, Tombstone>();
  for (const sandboxId of new Set(events.map((e) => e.sandboxId))) {
    const tombstone = await manager.getTombstone(sandboxId);
    if (tombstone) tombstones.set(sandboxId, tombstone);
  }
  return { sandboxes: await manager.list(), tombstones };
}

/** Entries comparable across receivers: without their own clock's field. */
export function comparable(sandboxes: Sandbox[]): object[] {
  return sandboxes
    .map(({ updatedAt: _updatedAt, ...rest }) => rest)
    .sort((a, b) => a.sandboxId.localeCompare(b.sandboxId));
}
