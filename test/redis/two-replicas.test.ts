import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendDelivery, type Answer } from "@/lib/client/send-delivery";
import { redeliver } from "@/lib/client/sign-delivery";
import { redisKeys } from "@/lib/redis/redis-keys";
import { RedisStore } from "@/lib/registry/redis-store";
import type { RunningServer } from "../support/server-process";
import {
  deleteKeys,
  redisForTests,
  stopSpawnedRedis,
  uniquePrefix,
} from "../support/redis";
import {
  comparable,
  inOrderRegistry,
  lifecycleStream,
  runPool,
  shuffle,
  type StreamEvent,
} from "./support/lifecycle-stream";
import { listedBy, SECRET, startReplica, webhookUrl } from "./support/replicas";

const SANDBOXES = 600;
const CONCURRENCY = 24;
const redis = await redisForTests();

describe.skipIf(!redis.ok)("two replicas sharing one Redis", () => {
  const url = redis.ok ? redis.url : "";
  const prefix = uniquePrefix("replicas");
  const events = lifecycleStream(SANDBOXES, SECRET);
  const answers = new Map<string, Answer[]>();
  let replicas: [RunningServer, RunningServer];

  beforeAll(async () => {
    replicas = [
      await startReplica(url, prefix),
      await startReplica(url, prefix),
    ];
    await runPool(shuffle(deliveryJobs(events)), CONCURRENCY);
  }, 300_000);
  afterAll(async () => {
    await Promise.all(replicas?.map((replica) => replica.stop()) ?? []);
    await deleteKeys(url, prefix);
    await stopSpawnedRedis();
  });

  // Each event goes out once, 30% of them twice more; a fifth of the copies
  // land on both replicas at the same instant.
  function deliveryJobs(stream: StreamEvent[]): (() => Promise<void>)[] {
    const record = (event: StreamEvent, answer: Answer) => {
      const list = answers.get(event.eventId) ?? [];
      answers.set(event.eventId, [...list, answer]);
    };
    // Every copy is a new attempt: same bytes, a new e2b-delivery-id.
    const send = (event: StreamEvent, replica: RunningServer) => async () => {
      const delivery = redeliver(event.delivery);
      record(event, await sendDelivery(webhookUrl(replica), delivery));
    };
    const both = (event: StreamEvent) => async () => {
      await Promise.all(replicas.map((replica) => send(event, replica)()));
    };

    return stream.flatMap((event) => {
      const copies = Math.random() < 0.3 ? 3 : 1;
      return Array.from({ length: copies }, () => {
        if (copies > 1 && Math.random() < 0.2) return both(event);
        return send(event, replicas[Math.random() < 0.5 ? 0 : 1]);
      });
    });
  }

  it("answers every delivery of the stream with 200", () => {
    const all = [...answers.values()].flat();
    const statuses = new Set(
      all.map((answer) => (answer.reachable ? answer.status : answer.error)),
    );

    expect(all.length).toBeGreaterThan(events.length);
    expect(all.length).toBeGreaterThan(2_000);
    expect([...statuses]).toEqual([200]);
  });

  it("takes every event exactly once: one answer per id is not a duplicate", () => {
    const firstTimes = [...answers.values()].map(
      (list) =>
        list.filter((a) => a.reachable && a.outcome !== "duplicate").length,
    );

    expect(answers.size).toBe(events.length);
    expect(firstTimes.every((count) => count === 1)).toBe(true);
    const applied = [...answers.values()]
      .flat()
      .filter((a) => a.reachable && a.outcome === "applied").length;
    expect(applied).toBeLessThanOrEqual(events.length);
    expect(applied).toBeGreaterThan(0);
  });

  it("ends in the registry that in-order delivery gives", async () => {
    const expected = await inOrderRegistry(events);
    const store = new RedisStore({
      redis: new Redis(url),
      prefix,
      tombstoneTtlMs: 86_400_000,
      idempotencyTtlMs: 86_400_000,
    });
    try {
      expect(comparable(await store.list())).toEqual(
        comparable(await expected.list()),
      );
      const killed = [...new Set(events.map((e) => e.sandboxId))].filter((id) =>
        events.some((e) => e.sandboxId === id && isKill(e)),
      );
      for (const sandboxId of killed.slice(0, 50)) {
        expect(await store.getTombstone(sandboxId)).toEqual(
          await expected.getTombstone(sandboxId),
        );
      }
    } finally {
      await store.close();
    }
  });

  it("shows the same registry through either replica's read API", async () => {
    const expected = comparable(await (await inOrderRegistry(events)).list());

    expect(comparable(await listedBy(replicas[0]))).toEqual(expected);
    expect(comparable(await listedBy(replicas[1]))).toEqual(expected);
  });

  it("keeps one key per sandbox entry, each under its own hash tag", async () => {
    const client = new Redis(url);
    try {
      const keys = await client.keys(`${prefix}*`);
      const { sandbox } = redisKeys(prefix);
      const entries = keys.filter((key) => key.endsWith("}:sandbox"));

      expect(
        entries.every((key) => /\{i[a-z0-9]{20}\}:sandbox$/.test(key)),
      ).toBe(true);
      expect(entries).toContain(sandbox(events[0]?.sandboxId ?? ""));
    } finally {
      client.disconnect();
    }
  });
});

function isKill(event: StreamEvent): boolean {
  return event.body.includes('"sandbox.lifecycle.killed"');
}
