import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2bSandbox } from "@/lib/client/e2b-events";
import { signDelivery } from "@/lib/client/sign-delivery";
import { receiveDelivery } from "@/lib/pipeline/receive-delivery";
import {
  createDeliveryLimits,
  type DeliveryLimits,
} from "@/lib/rate-limit/delivery-limits";
import { MemoryStore } from "@/lib/registry/memory-store";
import { SandboxManager } from "@/lib/registry/sandbox-manager";
import {
  deleteKeys,
  redisForTests,
  stopSpawnedRedis,
  uniquePrefix,
} from "../support/redis";

const SECRET = "rate-limit-test-secret-0123456789abcdef";
const DEFAULTS = {
  redis: null,
  failedAuthLimitPerMinute: 60,
  teamLimitPerMinute: null,
};
const redis = await redisForTests();

function receiver(limits: DeliveryLimits) {
  const manager = new SandboxManager({
    store: new MemoryStore({
      tombstoneTtlMs: 86_400_000,
      tombstoneMaxEntries: 1_000,
      idempotencyTtlMs: 86_400_000,
      idempotencyMaxEntries: 1_000,
    }),
    logger: pino({ level: "silent" }),
    maxEventAgeMs: null,
  });
  const context = { secrets: [SECRET], manager, now: Date.now, limits };

  return async (address: string | null, secret = SECRET) => {
    const sandbox = e2bSandbox({ startMs: Date.now() - 60_000 });
    const signed = signDelivery(sandbox.body("created"), {
      secret,
      scheme: "e2b",
    });
    const delivery = {
      headers: new Headers(signed.headers),
      payload: signed.body,
      clientAddress: address,
    };
    return (await receiveDelivery(delivery, context)).result;
  };
}

const forged = "a-different-secret-that-signs-forgeries-0000";

describe("the failed-verification limit", () => {
  it("refuses the 61st forged request a minute from one address with 429 and Retry-After", async () => {
    const send = receiver(createDeliveryLimits(DEFAULTS, null));
    for (let i = 0; i < 60; i++) {
      expect((await send("203.0.113.9", forged)).status).toBe(401);
    }

    const refused = await send("203.0.113.9", forged);

    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: "rate_limited" });
    const retryAfter = Number(refused.headers?.["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it("logs the first refusal of a minute and keeps the rest quiet", async () => {
    const send = receiver(createDeliveryLimits(DEFAULTS, null));
    for (let i = 0; i < 60; i++) await send("203.0.113.9", forged);

    expect((await send("203.0.113.9", forged)).quiet).toBe(false);
    expect((await send("203.0.113.9", forged)).quiet).toBe(true);
  });

  it("still accepts an authentic delivery from a limited address", async () => {
    const send = receiver(createDeliveryLimits(DEFAULTS, null));
    for (let i = 0; i < 61; i++) await send("203.0.113.9", forged);

    const authentic = await send("203.0.113.9");

    expect(authentic.status).toBe(200);
    expect(authentic.body).toMatchObject({ outcome: "applied" });
  });

  it("counts each address on its own", async () => {
    const send = receiver(createDeliveryLimits(DEFAULTS, null));
    for (let i = 0; i < 61; i++) await send("203.0.113.9", forged);

    expect((await send("203.0.113.10", forged)).status).toBe(401);
  });

  it("is off at 0", async () => {
    const off = { ...DEFAULTS, failedAuthLimitPerMinute: null };
    const send = receiver(createDeliveryLimits(off, null));
    for (let i = 0; i < 61; i++) await send("203.0.113.9", forged);

    expect((await send("203.0.113.9", forged)).status).toBe(401);
  });
});

describe("the per-team limit", () => {
  it("never limits authenticated deliveries by default", async () => {
    const send = receiver(createDeliveryLimits(DEFAULTS, null));
    const statuses = new Set<number>();
    for (let i = 0; i < 150; i++) statuses.add((await send(null)).status);

    expect([...statuses]).toEqual([200]);
  });

  it("refuses a team's deliveries past the limit when it is turned on", async () => {
    const on = { ...DEFAULTS, teamLimitPerMinute: 3 };
    const send = receiver(createDeliveryLimits(on, null));
    for (let i = 0; i < 3; i++) expect((await send(null)).status).toBe(200);

    const refused = await send(null);

    expect(refused.status).toBe(429);
    expect(refused.headers).toHaveProperty("retry-after");
  });
});

describe.skipIf(!redis.ok)("limits counted in Redis", () => {
  const url = redis.ok ? redis.url : "";
  const prefix = uniquePrefix("limits");
  const connections = [new Redis(url), new Redis(url)];
  const config = { ...DEFAULTS, redis: { url, prefix, timeoutMs: 2_000 } };

  beforeAll(async () => {
    await Promise.all(connections.map((connection) => connection.ping()));
  });
  afterAll(async () => {
    for (const connection of connections) connection.disconnect();
    await deleteKeys(url, prefix);
    await stopSpawnedRedis();
  });

  it("share one count between replicas", async () => {
    const [a, b] = connections.map((connection) =>
      receiver(createDeliveryLimits(config, connection)),
    ) as [ReturnType<typeof receiver>, ReturnType<typeof receiver>];
    for (let i = 0; i < 30; i++) {
      expect((await a("198.51.100.7", forged)).status).toBe(401);
      expect((await b("198.51.100.7", forged)).status).toBe(401);
    }

    expect((await a("198.51.100.7", forged)).status).toBe(429);
    expect((await b("198.51.100.7", forged)).status).toBe(429);
    expect((await b("198.51.100.7")).status).toBe(200);
  });

  it("answer the usual 401 when Redis cannot be reached", async () => {
    const down = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
    });
    const send = receiver(createDeliveryLimits(config, down));

    const result = await send("198.51.100.8", forged);

    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ error: "invalid_signature" });
  });
});
