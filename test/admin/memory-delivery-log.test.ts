import { describe, expect, it } from "vitest";
import { MemoryDeliveryLog } from "@/lib/observability/memory-delivery-log";
import type { DeliveryReport } from "@/lib/pipeline/report-delivery";

function report(n: number): DeliveryReport {
  return {
    receivedAt: new Date(Date.UTC(2026, 11, 3, 12, 0, n)).toISOString(),
    status: 200,
    outcome: "applied",
    eventType: "sandbox.lifecycle.created",
    sandboxId: `isandbox${n}`,
    eventId: `event-${n}`,
    deliveryId: `delivery-${n}`,
    webhookId: null,
    durationMs: 1,
  };
}

async function filled(capacity: number, count: number) {
  const log = new MemoryDeliveryLog(capacity);
  for (let n = 1; n <= count; n++) await log.record(report(n));
  return log;
}

const ids = (reports: DeliveryReport[]) => reports.map((r) => r.eventId);

describe("MemoryDeliveryLog", () => {
  it("is empty at first", async () => {
    expect(await new MemoryDeliveryLog(3).recent()).toEqual([]);
  });

  it("returns what it holds newest first", async () => {
    const log = await filled(3, 2);

    expect(ids(await log.recent())).toEqual(["event-2", "event-1"]);
  });

  it("overwrites the oldest report once full", async () => {
    const log = await filled(3, 5);

    expect(ids(await log.recent())).toEqual(["event-5", "event-4", "event-3"]);
  });

  it("returns at most `limit` reports", async () => {
    const log = await filled(3, 5);

    expect(ids(await log.recent(2))).toEqual(["event-5", "event-4"]);
  });

  it("returns nothing for a limit of 0", async () => {
    const log = await filled(3, 2);

    expect(await log.recent(0)).toEqual([]);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses a capacity of %s", (capacity) => {
    expect(() => new MemoryDeliveryLog(capacity)).toThrow(RangeError);
  });
});
