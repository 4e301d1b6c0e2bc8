import pino from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET, HEAD } from "@/app/api/health/route";
import packageJson from "@/package.json";
import { MemoryStore } from "@/lib/registry/memory-store";
import { SandboxManager } from "@/lib/registry/sandbox-manager";
import { resetRuntime } from "@/lib/runtime";

const SECRET = "health-route-secret-that-must-never-show-0123456789";
const STORE_DOWN = new Error("connect ECONNREFUSED 127.0.0.1:6379");

function storeOptions() {
  return {
    tombstoneTtlMs: 60_000,
    tombstoneMaxEntries: 10,
    idempotencyTtlMs: 60_000,
    idempotencyMaxEntries: 10,
  };
}

describe("GET /api/health", () => {
  beforeEach(() => {
    vi.stubEnv("E2B_WEBHOOK_SECRET", SECRET);
    vi.stubEnv("REDIS_URL", undefined);
    vi.stubEnv("LOG_LEVEL", "silent");
    resetRuntime();
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    resetRuntime();
  });

  it("answers 200 with the status, store kind, version and uptime", async () => {
    const response = await GET();
    const body: unknown = await response.json();

    expect(response.status).toBe(200);
    expect(body).toEqual({
      status: "ok",
      store: "memory",
      version: packageJson.version,
      uptimeSeconds: expect.any(Number),
    });
  });

  it("is never cached", async () => {
    const response = await GET();

    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("reveals no configured secret", async () => {
    const text = await (await GET()).text();

    expect(text).not.toContain(SECRET);
  });

  it("answers 503 unavailable when the store does not answer its ping", async () => {
    vi.spyOn(MemoryStore.prototype, "ping").mockRejectedValue(STORE_DOWN);

    const response = await GET();

    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      status: "unavailable",
      reason: "store_unreachable",
    });
  });

  it("answers 503 not_configured while no webhook secret is set", async () => {
    vi.stubEnv("E2B_WEBHOOK_SECRET", "  ");
    resetRuntime();

    const response = await GET();

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "unavailable",
      reason: "not_configured",
    });
  });

  it("keeps the store's error text out of the 503 body", async () => {
    vi.spyOn(MemoryStore.prototype, "ping").mockRejectedValue(STORE_DOWN);

    const text = await (await GET()).text();

    expect(text).not.toContain("ECONNREFUSED");
  });
});

describe("HEAD /api/health", () => {
  beforeEach(() => {
    vi.stubEnv("E2B_WEBHOOK_SECRET", SECRET);
    vi.stubEnv("REDIS_URL", undefined);
    vi.stubEnv("LOG_LEVEL", "silent");
    resetRuntime();
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    resetRuntime();
  });

  it("answers 200 with no body while the store is up", async () => {
    const response = await HEAD();

    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  it("answers 503 with no body while the store is down", async () => {
    vi.spyOn(MemoryStore.prototype, "ping").mockRejectedValue(STORE_DOWN);

    const response = await HEAD();

    expect(response.status).toBe(503);
    expect(await response.text()).toBe("");
  });
});

describe("SandboxManager.ping", () => {
  const logger = pino({ level: "silent" });

  it("resolves while its store is reachable", async () => {
    const manager = new SandboxManager({
      store: new MemoryStore(storeOptions()),
      logger,
      maxEventAgeMs: null,
    });

    await expect(manager.ping()).resolves.toBeUndefined();
  });

  it("rejects with the store's own error when it is not", async () => {
    const store = new MemoryStore(storeOptions());
    vi.spyOn(store, "ping").mockRejectedValue(STORE_DOWN);
    const manager = new SandboxManager({ store, logger, maxEventAgeMs: null });

    await expect(manager.ping()).rejects.toBe(STORE_DOWN);
  });
});
