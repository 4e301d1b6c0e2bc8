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
    await a.flush();
    await b.record(report(2));
    await b.flush();
    other.disconnect();

    expect(ids(await a.recent())).toEqual(["event-2", "event-1"]);
  });

  it("writes the reports of one interval as one batch, in order", async () => {
    const kept = log(10);
    const key = `${prefix}${run}`;
    for (let n = 1; n <= 4; n++) await kept.record(report(n));

    expect(await connection.llen(key)).toBe(0);
    await kept.flush();
    expect(await connection.llen(key)).toBe(4);
    expect(ids(await kept.recent())).toEqual([
      "event-4",
      "event-3",
      "event-2",
      "event-1",
    ]);
  });

  it("writes by itself once the interval has passed", async () => {
    const key = `${prefix}${(run += 1)}`;
    const kept = new RedisDeliveryLog({
      redis: connection,
      key,
      capacity: 10,
      flushIntervalMs: 20,
    });
    await kept.record(report(1));

    await expect.poll(() => connection.llen(key), { timeout: 2_000 }).toBe(1);
  });

  it("keeps only the newest reports while a write cannot be made", async () => {
    const key = `${prefix}${(run += 1)}`;
    const failures: number[] = [];
    const offline = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
    });
    const kept = new RedisDeliveryLog({
      redis: offline,
      key,
      capacity: 3,
      onWriteError: (_error, reports) => failures.push(reports),
    });
    for (let n = 1; n <= 5; n++) await kept.record(report(n));

    await kept.flush();
    expect(failures).toEqual([3]);
    await kept.flush();
    expect(failures).toEqual([3]);
    offline.disconnect();
  });

  it("refuses a capacity below one", () => {
    expect(() => log(0)).toThrow(RangeError);
  });
});
