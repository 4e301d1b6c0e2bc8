import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SandboxEvent } from "@/lib/events/event";
import { E2bApi } from "@/lib/e2b-api/client";
import { normaliseEvent } from "@/lib/events/normalise";
import { MemoryCheckpointStore } from "@/lib/reconcile/checkpoint";
import { MemoryReconcileLock } from "@/lib/reconcile/lock";
import { reconcile } from "@/lib/reconcile/reconcile";
import type { SandboxManager } from "@/lib/registry/sandbox-manager";
import { startFakeE2bApi, type FakeE2bApi } from "../support/fake-e2b-api";
import {
  DAY_MS,
  HOUR_MS,
  eventOffsets,
  eventRecord,
  minutesAgo,
  newManager,
  reconcileDeps,
} from "./helpers";

const SANDBOX = "iu3k9x2m7q1w5e8r0t4y6";

let fake: FakeE2bApi;
let manager: SandboxManager;
let applied: SandboxEvent[];

beforeEach(async () => {
  fake = await startFakeE2bApi();
  manager = newManager();
  applied = [];
  manager.on("*", ({ event }) => void applied.push(event));
});
afterEach(() => fake.close());

describe("reconciling from E2B's events API", () => {
  it("applies missed events oldest first, so a killed sandbox is gone", async () => {
    fake.addEvents(
      eventRecord("created", SANDBOX, minutesAgo(30)),
      eventRecord("paused", SANDBOX, minutesAgo(20)),
      eventRecord("killed", SANDBOX, minutesAgo(10)),
    );

    const result = await reconcile(reconcileDeps(fake, manager));

    expect(result).toEqual({
      ok: true,
      truncated: false,
      counts: {
        fetched: 3,
        applied: 3,
        duplicate: 0,
        stale: 0,
        ignored: 0,
        invalid: 0,
        pages: 1,
      },
    });
    expect(applied.map((e) => e.type)).toEqual([
      "sandbox.lifecycle.created",
      "sandbox.lifecycle.paused",
      "sandbox.lifecycle.killed",
    ]);
    expect(await manager.get(SANDBOX)).toBeUndefined();
    expect(await manager.getTombstone(SANDBOX)).toMatchObject({
      killReason: "request",
    });
  });

  it("asks for pages of 100, newest first", async () => {
    fake.addEvents(eventRecord("created", SANDBOX, minutesAgo(5)));

    await reconcile(reconcileDeps(fake, manager));

    const query = fake.requests.at(-1)?.query;
    expect(query?.get("limit")).toBe("100");
    expect(query?.get("orderAsc")).toBe("false");
  });

  it("pages across several pages and applies every event once", async () => {
    const records = Array.from({ length: 250 }, (_, i) =>
      eventRecord(
        "created",
        `isandbox${String(i).padStart(13, "0")}`,
        minutesAgo(300 - i),
      ),
    );
    fake.addEvents(...records);

    const result = await reconcile(reconcileDeps(fake, manager));

    expect(result.ok && result.counts).toMatchObject({
      fetched: 250,
      applied: 250,
      duplicate: 0,
    });
    expect(eventOffsets(fake)).toEqual([0, 90, 180]);
    expect(new Set(applied.map((e) => e.id)).size).toBe(250);
    expect(await manager.list()).toHaveLength(250);
  });

  it("loses nothing when new events shift the pages while it reads them", async () => {
    fake.addEvents(
      ...Array.from({ length: 150 }, (_, i) =>
        eventRecord(
          "created",
          `iold${String(i).padStart(17, "0")}`,
          minutesAgo(200 - i),
        ),
      ),
    );
    let page = 0;
    fake.onEventsRequest = () => {
      page += 1;
      // Between the first and second page, 30 newer events arrive.
      if (page === 2) {
        fake.addEvents(
          ...Array.from({ length: 30 }, (_, i) =>
            eventRecord(
              "created",
              `inew${String(i).padStart(17, "0")}`,
              minutesAgo(1),
            ),
          ),
        );
      }
    };

    const result = await reconcile(reconcileDeps(fake, manager));

    const appliedIds = applied.map((e) => e.sandboxId);
    const old = appliedIds.filter((id) => id.startsWith("iold"));
    expect(new Set(old).size).toBe(150);
    expect(old).toHaveLength(150);
    expect(result.ok && result.counts.duplicate).toBe(0);
  });

  it("looks back no further than the lookback on its first run", async () => {
    fake.addEvents(
      eventRecord(
        "created",
        "ibeforelookback000001",
        new Date(Date.now() - 2 * HOUR_MS),
      ),
      eventRecord("created", "iinsidelookback000001", minutesAgo(30)),
    );

    const result = await reconcile(
      reconcileDeps(fake, manager, { lookbackMs: HOUR_MS }),
    );

    expect(result.ok && result.counts.fetched).toBe(1);
    expect(await manager.get("ibeforelookback000001")).toBeUndefined();
    expect(await manager.get("iinsidelookback000001")).toBeDefined();
  });

  it("stops paging at the lookback instead of reading the whole history", async () => {
    fake.addEvents(
      ...Array.from({ length: 400 }, (_, i) =>
        eventRecord(
          "created",
          `isandbox${String(i).padStart(13, "0")}`,
          new Date(Date.now() - (400 - i) * 60_000),
        ),
      ),
    );

    const result = await reconcile(
      reconcileDeps(fake, manager, { lookbackMs: 50 * 60_000 }),
    );

    expect(result.ok && result.counts.pages).toBe(1);
    expect(result.ok && result.counts.fetched).toBeLessThanOrEqual(50);
  });

  it("picks up after the last reconciled event on the next run", async () => {
    const checkpoints = new MemoryCheckpointStore();
    const deps = reconcileDeps(fake, manager, { checkpoints });
    fake.addEvents(
      ...Array.from({ length: 300 }, (_, i) =>
        eventRecord(
          "created",
          `isandbox${String(i).padStart(13, "0")}`,
          minutesAgo(600 - i),
        ),
      ),
    );
    await reconcile(deps);
    fake.requests.length = 0;
    fake.addEvents(
      eventRecord("killed", "isandbox0000000000299", minutesAgo(1)),
    );

    const second = await reconcile(deps);

    expect(eventOffsets(fake)).toEqual([0]);
    expect(second.ok && second.counts.applied).toBe(1);
    expect(await manager.get("isandbox0000000000299")).toBeUndefined();
    expect((await checkpoints.read())?.epochMs).toBeGreaterThan(
      Date.now() - 2 * 60_000,
    );
  });

  it("applies an event a webhook already delivered only once", async () => {
    const record = eventRecord("paused", SANDBOX, minutesAgo(5));
    const asWebhook = normaliseEvent(record, new Uint8Array(), Date.now());
    if (!asWebhook.ok) throw new Error("fixture did not normalise");
    await manager.apply(asWebhook.event);
    fake.addEvents(record);

    const result = await reconcile(reconcileDeps(fake, manager));

    expect(result.ok && result.counts).toMatchObject({
      fetched: 1,
      applied: 0,
      duplicate: 1,
    });
    expect(applied).toHaveLength(1);
  });

  it("applies events older than the webhook replay window", async () => {
    const strict = newManager(HOUR_MS);
    fake.addEvents(
      eventRecord("created", SANDBOX, new Date(Date.now() - 3 * HOUR_MS)),
    );

    const result = await reconcile(reconcileDeps(fake, strict));

    expect(result.ok && result.counts.applied).toBe(1);
    expect(await strict.get(SANDBOX)).toBeDefined();
  });

  it("skips a record it cannot read and applies the rest", async () => {
    fake.addEvents(
      {
        id: "broken",
        type: "sandbox.lifecycle.created",
        timestamp: minutesAgo(3).toISOString(),
      },
      eventRecord("created", SANDBOX, minutesAgo(2)),
    );

    const result = await reconcile(reconcileDeps(fake, manager));

    expect(result.ok && result.counts).toMatchObject({
      invalid: 1,
      applied: 1,
    });
  });

  it("reports E2B's failure, applies nothing and keeps the checkpoint", async () => {
    const checkpoints = new MemoryCheckpointStore();
    fake.addEvents(eventRecord("created", SANDBOX, minutesAgo(2)));
    fake.failNext(1);

    const result = await reconcile(
      reconcileDeps(fake, manager, { checkpoints }),
    );

    expect(result).toMatchObject({
      ok: false,
      reason: "e2b_unavailable",
      error: { reason: "api_error", status: 500 },
    });
    expect(applied).toHaveLength(0);
    expect(await checkpoints.read()).toBeNull();
  });

  it("reports a refused API key as e2b_unauthorized, not as an outage", async () => {
    const api = new E2bApi({
      apiKey: "e2b_wrong",
      baseUrl: fake.url,
      timeoutMs: 2000,
    });

    const result = await reconcile(reconcileDeps(fake, manager, { api }));

    expect(result).toMatchObject({
      ok: false,
      reason: "e2b_unauthorized",
      error: { reason: "unauthorized", status: 401 },
    });
    expect(result.ok || result.message).toContain("E2B_API_KEY");
  });

  it("does nothing while another run holds the lock", async () => {
    const lock = new MemoryReconcileLock();
    await lock.acquire(DAY_MS);

    const result = await reconcile(reconcileDeps(fake, manager, { lock }));

    expect(result).toMatchObject({ ok: false, reason: "locked" });
    expect(fake.requests).toHaveLength(0);
  });
});
