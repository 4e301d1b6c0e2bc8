import type { ApiError } from "../e2b-api/api-result";
import type { E2bApi } from "../e2b-api/client";
import type { SandboxEvent } from "../events/event";
import { normaliseEvent, type PayloadIssue } from "../events/normalise";
import { eventTimeFromEpoch } from "../events/timestamp";
import type { UnreadWindow } from "./reconcile-result";

export interface CollectOptions {
  api: Pick<E2bApi, "listSandboxEvents">;
  /** Events older than this time key end the paging and are left out. */
  boundaryKey: string;
  nowMs: number;
  /** The events API's maximum. */
  pageSize?: number;
  /** Pages re-read from the previous one, so a shifted page loses nothing. */
  overlap?: number;
  maxPages?: number;
  /** Asked before each page; `true` ends the paging (the lock was lost). */
  shouldStop?: () => boolean;
}

export interface InvalidRecord {
  id: string | null;
  issues: PayloadIssue[];
}

export type Collected =
  | {
      ok: true;
      /** Unique by event id, in the order E2B listed them. */
      events: SandboxEvent[];
      invalid: InvalidRecord[];
      pages: number;
      /** Set when `maxPages` ran out before the boundary was reached. */
      unread: UnreadWindow | null;
    }
  | { ok: false; stopped: false; error: ApiError; pages: number }
  | { ok: false; stopped: true; pages: number };

// About 90,000 events; see `unread` for what happens beyond.
const DEFAULT_MAX_PAGES = 1000;

/**
 * Pages E2B's events API newest first (`limit` 100, growing `offset`) until
 * a page reaches the boundary. New events arriving meanwhile push older ones
 * down a page; overlapping pages and dropping repeated ids keeps every event
 * exactly once.
 */
export async function collectEvents(
  options: CollectOptions,
): Promise<Collected> {
  const pageSize = options.pageSize ?? 100;
  const step = pageSize - (options.overlap ?? 10);
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const seen = new Set<string>();
  const events: SandboxEvent[] = [];
  const invalid: InvalidRecord[] = [];

  for (let page = 0; page < maxPages; page += 1) {
    if (options.shouldStop?.()) {
      return { ok: false, stopped: true, pages: page };
    }

    // orderAsc is sent although newest first is E2B's documented default:
    // the boundary test below is only right in that order.
    const listed = await options.api.listSandboxEvents({
      offset: page * step,
      limit: pageSize,
      orderAsc: false,
    });
    if (!listed.ok) {
      return {
        ok: false,
        stopped: false,
        error: listed.error,
        pages: page + 1,
      };
    }

    let reachedBoundary = listed.value.length < pageSize;
    for (const record of listed.value) {
      const normalised = normaliseRecord(record, options.nowMs);
      if (!normalised.ok) {
        if (!seen.has(normalised.key)) invalid.push(normalised.invalid);
        seen.add(normalised.key);
        continue;
      }

      const event = normalised.event;
      if (event.time.key < options.boundaryKey) {
        reachedBoundary = true;
        continue;
      }
      if (seen.has(event.id)) continue;

      seen.add(event.id);
      events.push(event);
    }
    if (reachedBoundary)
      return { ok: true, events, invalid, pages: page + 1, unread: null };
  }

  const unread = {
    from: options.boundaryKey,
    to: oldestKey(events, options.nowMs),
  };
  return { ok: true, events, invalid, pages: maxPages, unread };
}

// With no readable event at all, nothing after the boundary was read.
function oldestKey(events: SandboxEvent[], nowMs: number): string {
  let oldest = eventTimeFromEpoch(nowMs).key;
  for (const event of events) {
    if (event.time.key < oldest) oldest = event.time.key;
  }
  return oldest;
}

type Normalised =
  | { ok: true; event: SandboxEvent }
  | { ok: false; key: string; invalid: InvalidRecord };

function normaliseRecord(
  record: Record<string, unknown>,
  nowMs: number,
): Normalised {
  const payload = Buffer.from(JSON.stringify(record));
  const result = normaliseEvent(record, payload, nowMs);
  if (result.ok) return result;

  const id = typeof record.id === "string" ? record.id : null;
  return {
    ok: false,
    key: `invalid:${id ?? payload.toString("base64")}`,
    invalid: { id, issues: result.issues },
  };
}
