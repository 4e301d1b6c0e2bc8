import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import type { DeliveryReport } from "@/lib/pipeline/report-delivery";
import { RedisDeliveryLog } from "@/lib/redis/redis-delivery-log";
import {
  deleteKeys,
  redisForTests,
  stopSpawnedRedis,
  uniquePrefix,
} from "../support/redis";

const redis = await redisForTests();

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
    durationMs: 1.25,
  };
}

const ids = (reports: DeliveryReport[]) => reports.map((r) => r.eventId);

describe.skipIf(!redis.ok)("RedisDeliveryLog", () => {
  const url = redis.ok ? redis.url : "";
  const prefix = uniquePrefix("delivery-log");
  const connection = new Redis(url);
  let run = 0;
  const log = (capacity: number) =>
    new RedisDeliveryLog({
      redis: connection,
      key: `${prefix}${(run += 1)}`,
      capacity,
    });

  afterAll(async () => {
    connection.disconnect();
    await deleteKeys(url, prefix);
    await stopSpawnedRedis();
  });

  it("keeps reports whole, newest first", async () => {
    const kept = log(3);
    await kept.record(report(1));
    await kept.record(report(2));

    expect(await kept.recent()).toEqual([report(2), report(1)]);
  });

  it("never holds more than its capacity", async () => {
    const kept = log(3);
    for (let n = 1; n <= 5; n++) await kept.record(report(n));

    expect(ids(await kept.recent())).toEqual(["event-5", "event-4", "event-3"]);
    expect(await connection.llen(`${prefix}${run}`)).toBe(3);
  });

  it("returns at most the number asked for", async () => {
    const kept = log(5);
    for (let n = 1; n <= 4; n++) await kept.record(report(n));

    expect(ids(await kept.recent(2))).toEqual(["event-4", "event-3"]);
    expect(await kept.recent(0)).toEqual([]);
  });

  it("is one log for every replica using the same key", async () => {
    const a = log(10);
    const other = new Redis(url);
    const b = new RedisDeliveryLog({
      redis: other,
      key: `${prefix}${run}`,
      capacity: 10,
    });
    await a.record(report(1));
    await b.record(report(2));
    other.disconnect();

    expect(ids(await a.recent())).toEqual(["event-2", "event-1"]);
  });

  it("refuses a capacity below one", () => {
    expect(() => log(0)).toThrow(RangeError);
  });
});
