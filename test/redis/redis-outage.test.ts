import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2bSandbox } from "@/lib/client/e2b-events";
import { signDelivery } from "@/lib/client/sign-delivery";
import { receiveDelivery } from "@/lib/pipeline/receive-delivery";
import { connectRedis } from "@/lib/redis/connect-redis";
import { RedisStore } from "@/lib/registry/redis-store";
import { SandboxManager } from "@/lib/registry/sandbox-manager";
import {
  hasRedisServer,
  startRedisServer,
  type RedisServer,
} from "../support/redis";

const SECRET = "outage-test-secret-0123456789abcdefghij";
const available = hasRedisServer();
if (!available) {
  const reason = "no redis-server binary on PATH to stop and restart";
  if (process.env.REQUIRE_REDIS === "1") throw new Error(reason);
  console.warn(`[redis outage tests skipped] ${reason}`);
}

async function eventually(check: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe.skipIf(!available)("the Redis store through an outage", () => {
  let server: RedisServer;
  let store: RedisStore;
  let manager: SandboxManager;
  const lines: string[] = [];

  beforeAll(async () => {
    server = await startRedisServer();
    const logger = pino(
      { level: "info" },
      { write: (line: string) => lines.push(line) },
    );
    const redis = connectRedis({ url: server.url, timeoutMs: 500, logger });
    store = new RedisStore({
      redis,
      prefix: "outage:",
      tombstoneTtlMs: 86_400_000,
      idempotencyTtlMs: 86_400_000,
    });
    manager = new SandboxManager({ store, logger, maxEventAgeMs: null });
    await eventually(() => store.ping());
  });
  afterAll(async () => {
    await store?.close();
    await server?.stop();
  });

  const deliver = async () => {
    const sandbox = e2bSandbox({ startMs: Date.now() - 60_000 });
    const signed = signDelivery(sandbox.body("created"), {
      secret: SECRET,
      scheme: "e2b",
    });
    const delivery = {
      headers: new Headers(signed.headers),
      payload: signed.body,
    };
    const context = { secrets: [SECRET], manager, now: Date.now };
    return (await receiveDelivery(delivery, context)).result;
  };

  it("waits for the first connection instead of refusing what comes before it", async () => {
    const logger = pino({ level: "silent" });
    const fresh = connectRedis({ url: server.url, timeoutMs: 2_000, logger });
    try {
      expect(fresh.status).not.toBe("ready");
      await expect(fresh.ping()).resolves.toBe("PONG");
    } finally {
      fresh.disconnect();
    }
  });

  it("answers 503 unavailable while Redis is down, and recovers by itself", async () => {
    expect((await deliver()).status).toBe(200);

    await server.stop();

    await expect(store.ping()).rejects.toThrow();
    const refused = await deliver();
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ error: "unavailable" });

    await server.start();
    await eventually(() => store.ping());

    const accepted = await deliver();
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ outcome: "applied" });
    const log = lines.join("");
    expect(log).toMatch(/redis: connection (closed|failed)/);
    expect(log).toContain("redis: connection restored");
  });
});
