import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2bSandbox } from "@/lib/client/e2b-events";
import { signDelivery } from "@/lib/client/sign-delivery";
import type { RunningServer } from "../support/server-process";
import {
  deleteKeys,
  redisForTests,
  stopSpawnedRedis,
  uniquePrefix,
} from "../support/redis";
import { runPool } from "./support/lifecycle-stream";
import { SECRET, startReplica, webhookUrl } from "./support/replicas";

const redis = await redisForTests();

function delivery(secret: string, headers: Record<string, string> = {}) {
  const sandbox = e2bSandbox({ startMs: Date.now() - 60_000 });
  const signed = signDelivery(sandbox.body("created"), {
    secret,
    scheme: "e2b",
  });
  return { ...signed, headers: { ...signed.headers, ...headers } };
}

describe.skipIf(!redis.ok)("rate limits on a production server", () => {
  const url = redis.ok ? redis.url : "";
  const prefix = uniquePrefix("rate-limit");
  const forgedSecret = `${SECRET}-forged`;
  let server: RunningServer;
  const post = async (body: ReturnType<typeof delivery>) =>
    fetch(webhookUrl(server), {
      method: "POST",
      headers: body.headers,
      body: Buffer.from(body.body),
    });

  beforeAll(async () => {
    server = await startReplica(url, prefix, { LOG_LEVEL: "info" });
  });
  afterAll(async () => {
    await server?.stop();
    await deleteKeys(url, prefix);
    await stopSpawnedRedis();
  });

  it("refuses the 61st forged request in a minute from one IP with 429 and Retry-After", async () => {
    for (let i = 0; i < 60; i++) {
      expect((await post(delivery(forgedSecret))).status).toBe(401);
    }

    const refused = await post(delivery(forgedSecret));

    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: "rate_limited" });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it("is not dodged by headers the client writes", async () => {
    const spoofed = delivery(forgedSecret, {
      "x-forwarded-for": "198.51.100.77",
      "x-e2b-webhook-peer": "0000 198.51.100.78",
    });

    expect((await post(spoofed)).status).toBe(429);
  });

  it("still takes an authentic delivery from the limited IP", async () => {
    const answer = await post(delivery(SECRET));

    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ outcome: "applied" });
  });

  it("never limits authenticated deliveries by default", async () => {
    const statuses: number[] = [];
    const jobs = Array.from({ length: 150 }, () => async () => {
      statuses.push((await post(delivery(SECRET))).status);
    });
    await runPool(jobs, 8);

    expect(statuses).toHaveLength(150);
    expect(new Set(statuses)).toEqual(new Set([200]));
  });

  it("logs the first refusal and keeps the flood past it quiet", async () => {
    for (let i = 0; i < 20; i++) await post(delivery(forgedSecret));

    const logged = server.output().match(/delivery rejected: rate_limited/g);
    expect(logged).toHaveLength(1);
  });
});
