import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseEventTime } from "@/lib/events/timestamp";
import { MemoryCheckpointStore } from "@/lib/reconcile/checkpoint";
import { reconcile, type ReconcileDeps } from "@/lib/reconcile/reconcile";
import { reconcileAnswer } from "@/lib/reconcile/reconcile-response";
import { ReconcileScheduler } from "@/lib/reconcile/scheduler";
import { startFakeE2bApi, type FakeE2bApi } from "../support/fake-e2b-api";
import {
  DAY_MS,
  eventOffsets,
  eventRecord,
  minutesAgo,
  newManager,
  reconcileDeps,
} from "./helpers";

let fake: FakeE2bApi;
let records: Record<string, unknown>[];
let deps: ReconcileDeps;
let checkpoints: MemoryCheckpointStore;

beforeEach(async () => {
  fake = await startFakeE2bApi();
  // 100 events, one a minute, newest a minute ago.
  records = Array.from({ length: 100 }, (_, i) =>
    eventRecord(
      "created",
      `itrunc${String(i).padStart(15, "0")}`,
      minutesAgo(100 - i),
    ),
  );
  fake.addEvents(...records);
  checkpoints = new MemoryCheckpointStore();
  // Pages of 20 overlapping by 10, at most 2: the 30 newest events.
  deps = reconcileDeps(fake, newManager(), {
    checkpoints,
    pageSize: 20,
    maxPages: 2,
  });
});
afterEach(() => fake.close());

function timeKey(record: Record<string, unknown> | undefined): string {
  return parseEventTime(String(record?.timestamp))?.key ?? "";
}

describe("a run that reaches its page cap before its boundary", () => {
  it("says it was truncated and which part of the window it did not read", async () => {
    const startedAt = Date.now();

    const result = await reconcile(deps);

    expect(eventOffsets(fake)).toEqual([0, 10]);
    expect(result).toMatchObject({
      ok: true,
      truncated: true,
      counts: { fetched: 30, applied: 30, pages: 2 },
    });
    if (!result.ok || !result.truncated) return;
    expect(result.unread.to).toBe(timeKey(records[70]));
    const from = Date.parse(result.unread.from);
    expect(from).toBeGreaterThanOrEqual(startedAt - DAY_MS - 1_000);
    expect(from).toBeLessThanOrEqual(Date.now() - DAY_MS);
  });

  it("moves the checkpoint to the newest event, so the next run reads only what is new", async () => {
    await reconcile(deps);
    const afterTruncated = await checkpoints.read();
    fake.requests.length = 0;
    fake.addEvents(eventRecord("killed", "itrunc000000000000099", new Date()));

    const next = await reconcile(deps);

    expect(afterTruncated?.eventId).toBe(records[99]?.id);
    expect(next).toMatchObject({
      ok: true,
      truncated: false,
      counts: { applied: 1 },
    });
    expect(eventOffsets(fake)).toEqual([0]);
  });

  it("answers POST /api/reconcile with truncated: true and the unread window", async () => {
    const result = await reconcile(deps);

    const answer = reconcileAnswer(result);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      success: true,
      truncated: true,
      unread: { to: timeKey(records[70]) },
    });
  });

  it("logs the run at warn level with how far back it reached", async () => {
    const logged: Record<string, unknown>[] = [];
    const scheduler = new ReconcileScheduler({
      run: () => reconcile(deps),
      intervalMs: 0,
      logger: pino(
        { level: "info" },
        { write: (line: string) => void logged.push(JSON.parse(line)) },
      ),
    });

    await scheduler.runNow();

    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 40,
      truncated: true,
      unreadTo: timeKey(records[70]),
    });
    expect(String(logged[0]?.msg)).toContain(
      `truncated after 2 pages: events from ${String(logged[0]?.unreadFrom)} to ${timeKey(records[70])} were not read`,
    );
  });
});
