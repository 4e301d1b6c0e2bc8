import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { E2bApi } from "@/lib/e2b-api/client";
import { nextRunDelayMs } from "@/lib/reconcile/backoff";
import { MemoryReconcileLock } from "@/lib/reconcile/lock";
import { reconcile } from "@/lib/reconcile/reconcile";
import type { ReconcileResult } from "@/lib/reconcile/reconcile-result";
import { ReconcileScheduler } from "@/lib/reconcile/scheduler";
import { startFakeE2bApi, type FakeE2bApi } from "../support/fake-e2b-api";
import {
  eventOffsets,
  eventRecord,
  minutesAgo,
  newManager,
  reconcileDeps,
  silentLogger,
} from "./helpers";

const OK: ReconcileResult = {
  ok: true,
  truncated: false,
  counts: {
    fetched: 0,
    applied: 0,
    duplicate: 0,
    stale: 0,
    ignored: 0,
    invalid: 0,
    pages: 1,
  },
};

const UNAUTHORIZED: ReconcileResult = {
  ok: false,
  reason: "e2b_unauthorized",
  message: "E2B refused E2B_API_KEY: E2B answered 401: Invalid API key",
  error: { reason: "unauthorized", status: 401, message: "401" },
};

let scheduler: ReconcileScheduler | undefined;
let fake: FakeE2bApi | undefined;
afterEach(async () => {
  await scheduler?.stop();
  await fake?.close();
  scheduler = undefined;
  fake = undefined;
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(condition()).toBe(true);
}

describe("the retry delay", () => {
  it("is the interval after a success", () => {
    expect(nextRunDelayMs(0, 300_000)).toBe(300_000);
  });

  it("doubles with each failure in a row", () => {
    expect([1, 2, 3, 4].map((n) => nextRunDelayMs(n, 300_000))).toEqual([
      5_000, 10_000, 20_000, 40_000,
    ]);
  });

  it("never exceeds the interval", () => {
    expect(nextRunDelayMs(20, 300_000)).toBe(300_000);
  });
});

describe("the reconcile scheduler", () => {
  it("retries after E2B answers 500, until it recovers", async () => {
    fake = await startFakeE2bApi();
    fake.addEvents(
      eventRecord("killed", "iu3k9x2m7q1w5e8r0t4y6", minutesAgo(1)),
    );
    fake.failNext(2);
    const manager = newManager();
    const deps = reconcileDeps(fake, manager);
    scheduler = new ReconcileScheduler({
      run: () => reconcile(deps),
      intervalMs: 3_600_000,
      firstRetryMs: 10,
      logger: silentLogger(),
    });

    scheduler.start();
    await until(() => scheduler?.status().lastResult?.ok === true);

    expect(eventOffsets(fake)).toEqual([0, 0, 0]);
    expect(scheduler.status().consecutiveFailures).toBe(0);
    expect(await manager.getTombstone("iu3k9x2m7q1w5e8r0t4y6")).toBeDefined();
  });

  it("counts failures in a row and schedules the retry sooner than the interval", async () => {
    scheduler = new ReconcileScheduler({
      run: async () => ({
        ok: false,
        reason: "store_unavailable",
        message: "down",
      }),
      intervalMs: 3_600_000,
      firstRetryMs: 60_000,
      logger: silentLogger(),
    });

    scheduler.start();
    await until(() => scheduler?.status().consecutiveFailures === 1);

    const next = Date.parse(scheduler.status().nextRunAt ?? "");
    expect(next - Date.now()).toBeLessThanOrEqual(60_000);
  });

  it("retries a refused API key at the full interval, not the short backoff", async () => {
    fake = await startFakeE2bApi();
    const api = new E2bApi({
      apiKey: "e2b_wrong",
      baseUrl: fake.url,
      timeoutMs: 2000,
    });
    const deps = reconcileDeps(fake, newManager(), { api });
    scheduler = new ReconcileScheduler({
      run: () => reconcile(deps),
      intervalMs: 3_600_000,
      firstRetryMs: 10,
      logger: silentLogger(),
    });

    scheduler.start();
    await until(() => scheduler?.status().lastResult !== null);

    const status = scheduler.status();
    expect(status.lastResult).toMatchObject({ reason: "e2b_unauthorized" });
    expect(status.consecutiveFailures).toBe(1);
    const next = Date.parse(status.nextRunAt ?? "");
    expect(next - Date.now()).toBeGreaterThan(3_000_000);
  });

  it("logs a refused API key at error level once per streak, naming E2B_API_KEY", async () => {
    const results = [UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, OK];
    results.push(UNAUTHORIZED);
    const logged: { level: number; msg: string }[] = [];
    scheduler = new ReconcileScheduler({
      run: async () => results.shift() ?? OK,
      intervalMs: 0,
      logger: pino(
        { level: "debug" },
        { write: (line: string) => void logged.push(JSON.parse(line)) },
      ),
    });

    for (let i = 0; i < 5; i += 1) await scheduler.runNow();

    const errors = logged.filter((line) => line.level >= 50);
    expect(errors).toHaveLength(2);
    expect(errors[0]?.msg).toContain("E2B_API_KEY");
  });

  it("runs a requested run after the one in progress, once for all callers", async () => {
    let runs = 0;
    let finish: () => void = () => {};
    scheduler = new ReconcileScheduler({
      run: () => {
        runs += 1;
        return new Promise((resolve) => (finish = () => resolve(OK)));
      },
      intervalMs: 0,
      logger: silentLogger(),
    });

    const first = scheduler.runNow();
    const queued = [scheduler.runNow(), scheduler.runNow()];
    expect(queued[0]).toBe(queued[1]);
    finish();
    await first;
    await until(() => runs === 2);
    finish();
    await Promise.all(queued);

    expect(runs).toBe(2);
  });

  it("does not schedule anything with an interval of 0", async () => {
    let runs = 0;
    scheduler = new ReconcileScheduler({
      run: async () => {
        runs += 1;
        return OK;
      },
      intervalMs: 0,
      logger: silentLogger(),
    });

    scheduler.start();

    expect(scheduler.status().nextRunAt).toBeNull();
    expect(await scheduler.runNow()).toEqual(OK);
    expect(runs).toBe(1);
  });

  it("turns a run that throws into a failed result", async () => {
    scheduler = new ReconcileScheduler({
      run: () => Promise.reject(new Error("bug")),
      intervalMs: 0,
      logger: silentLogger(),
    });

    expect(await scheduler.runNow()).toEqual({
      ok: false,
      reason: "internal_error",
      message: "bug",
    });
  });
});

describe("the in-process reconcile lock", () => {
  it("refuses a second holder until the first releases", async () => {
    const lock = new MemoryReconcileLock();

    const first = await lock.acquire(60_000);
    const second = await lock.acquire(60_000);
    await first?.release();
    const third = await lock.acquire(60_000);

    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect(third).not.toBeNull();
  });

  it("lets a new holder in once the lease expired", async () => {
    let now = 0;
    const lock = new MemoryReconcileLock(() => now);

    const first = await lock.acquire(1_000);
    now = 1_000;
    const second = await lock.acquire(1_000);
    await first?.release();
    const third = await lock.acquire(1_000);

    expect(second).not.toBeNull();
    expect(third).toBeNull();
  });
});
