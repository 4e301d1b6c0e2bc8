import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";
import { MemoryCheckpointStore } from "@/lib/reconcile/checkpoint";
import { MemoryReconcileLock } from "@/lib/reconcile/lock";
import type { ReconcileDeps } from "@/lib/reconcile/reconcile";
import { E2bApi } from "@/lib/e2b-api/client";
import { MemoryStore } from "@/lib/registry/memory-store";
import { SandboxManager } from "@/lib/registry/sandbox-manager";
import type { FakeE2bApi } from "../support/fake-e2b-api";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const LABELS: Record<string, string> = {
  created: "create",
  updated: "update",
  paused: "pause",
  resumed: "resume",
  checkpointed: "",
  killed: "kill",
};

/** A record as E2B's events API lists it (PROTOCOL.md section 2b). */
export function eventRecord(
  type: keyof typeof LABELS,
  sandboxId: string,
  at: Date,
  id: string = randomUUID(),
): Record<string, unknown> {
  return {
    version: "v2",
    id,
    type: `sandbox.lifecycle.${type}`,
    eventCategory: LABELS[type] ? "lifecycle" : "",
    eventLabel: LABELS[type],
    eventData: type === "killed" ? { kill_reason: "request" } : null,
    sandboxBuildId: "a979a14b-bdcc-49e6-bc04-1189fc9fe7c2",
    sandboxExecutionId: randomUUID(),
    sandboxId,
    sandboxTeamId: "460355b3-4f64-48f9-9a16-4442817f79f5",
    sandboxTemplateId: "rki5dems9wqfm4r03t7g",
    timestamp: at.toISOString(),
  };
}

export function silentLogger(): Logger {
  return pino({ level: "silent" });
}

/** A registry in memory with the receiver's default replay window. */
export function newManager(maxEventAgeMs: number | null = DAY_MS) {
  const store = new MemoryStore({
    tombstoneTtlMs: DAY_MS,
    tombstoneMaxEntries: 10_000,
    idempotencyTtlMs: DAY_MS,
    idempotencyMaxEntries: 10_000,
  });
  return new SandboxManager({ store, logger: silentLogger(), maxEventAgeMs });
}

/** Everything `reconcile` needs, talking to the fake. */
export function reconcileDeps(
  fake: FakeE2bApi,
  manager: SandboxManager,
  overrides: Partial<ReconcileDeps> = {},
): ReconcileDeps {
  return {
    api: new E2bApi({
      apiKey: fake.apiKey,
      baseUrl: fake.url,
      timeoutMs: 2000,
    }),
    manager,
    checkpoints: new MemoryCheckpointStore(),
    lock: new MemoryReconcileLock(),
    logger: silentLogger(),
    lookbackMs: DAY_MS,
    ...overrides,
  };
}

export function minutesAgo(minutes: number): Date {
  return new Date(Date.now() - minutes * 60_000);
}

/** Offsets of the events pages the fake was asked for, in order. */
export function eventOffsets(fake: FakeE2bApi): number[] {
  return fake.requests
    .filter((r) => r.path.startsWith("/events/sandboxes"))
    .map((r) => Number(r.query.get("offset")));
}

type EventsApi = ReconcileDeps["api"];

/**
 * Wraps an events API so each page takes `delayMs` longer, and calls
 * `onPage` (with the page's number, from 1) before it is fetched.
 */
export function slowApi(
  api: EventsApi,
  delayMs: number,
  onPage: (page: number) => Promise<void> | void = () => {},
): EventsApi {
  let page = 0;
  return {
    listSandboxEvents: async (query) => {
      page += 1;
      await onPage(page);
      await sleep(delayMs);
      return api.listSandboxEvents(query);
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
