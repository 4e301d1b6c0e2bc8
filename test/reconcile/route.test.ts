import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as status, POST as reconcileNow } from "@/app/api/reconcile/route";
import { GET as getSandbox } from "@/app/api/sandboxes/[id]/route";
import { POST as receive } from "@/app/api/webhooks/e2b/route";
import { resetRuntime } from "@/lib/runtime";
import { startFakeE2bApi, type FakeE2bApi } from "../support/fake-e2b-api";
import { eventRecord, minutesAgo } from "./helpers";
import { webhookFor } from "./webhook-body";

const SECRET = "reconcile-route-tests-secret-0123456789";
const TOKEN = "reconcile-route-tests-admin-token-0123";
const ORIGIN = "http://localhost:3000";

let fake: FakeE2bApi;

beforeEach(async () => {
  fake = await startFakeE2bApi();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  resetRuntime();
  await fake.close();
});

function configure(env: Record<string, string | undefined> = {}): void {
  const settings = {
    LOG_LEVEL: "silent",
    E2B_WEBHOOK_SECRET: SECRET,
    WEBHOOK_ADMIN_TOKEN: TOKEN,
    E2B_API_KEY: fake.apiKey,
    E2B_API_URL: fake.url,
    ...env,
  };
  for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
  resetRuntime();
}

function adminRequest(method: "GET" | "POST", token: string | null = TOKEN) {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return new Request(`${ORIGIN}/api/reconcile`, { method, headers });
}

async function sandboxStatus(id: string): Promise<number> {
  const response = await getSandbox(
    new Request(`${ORIGIN}/api/sandboxes/${id}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    }),
    { params: Promise.resolve({ id }) },
  );
  return response.status;
}

describe("POST /api/reconcile", () => {
  it("runs a reconciliation and answers with its counts", async () => {
    configure();
    const sandboxId = "iroute000000000000001";
    fake.addEvents(
      eventRecord("created", sandboxId, minutesAgo(30)),
      eventRecord("paused", sandboxId, minutesAgo(20)),
      eventRecord("killed", sandboxId, minutesAgo(10)),
    );

    const response = await reconcileNow(adminRequest("POST"));

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      success: true,
      fetched: 3,
      applied: 3,
      duplicate: 0,
      stale: 0,
    });
    expect(await sandboxStatus(sandboxId)).toBe(410);
  });

  it("counts an event already delivered by webhook as a duplicate", async () => {
    configure();
    const record = eventRecord(
      "created",
      "iroute000000000000002",
      minutesAgo(1),
    );
    const { body, headers } = webhookFor(record, SECRET);
    const delivered = await receive(
      new Request(`${ORIGIN}/api/webhooks/e2b`, {
        method: "POST",
        headers,
        body,
      }),
    );
    fake.addEvents(record);

    const response = await reconcileNow(adminRequest("POST"));

    expect(delivered.status).toBe(200);
    expect(await response.json()).toMatchObject({ duplicate: 1, applied: 0 });
  });

  it("answers 502 e2b_unavailable with E2B's error, then recovers", async () => {
    configure();
    fake.failNext(1, {
      status: 500,
      body: { code: 500, message: "clickhouse timeout" },
    });

    const failed = await reconcileNow(adminRequest("POST"));
    const recovered = await reconcileNow(adminRequest("POST"));

    expect(failed.status).toBe(502);
    expect(await failed.json()).toMatchObject({
      success: false,
      error: "e2b_unavailable",
      e2b: {
        reason: "api_error",
        status: 500,
        code: 500,
        message: "clickhouse timeout",
      },
    });
    expect(recovered.status).toBe(200);
  });

  it("answers 502 e2b_unauthorized when E2B refuses the API key", async () => {
    configure({ E2B_API_KEY: "e2b_wrong" });

    const response = await reconcileNow(adminRequest("POST"));

    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      success: false,
      error: "e2b_unauthorized",
      e2b: { reason: "unauthorized", status: 401 },
    });
  });

  it("answers 409 reconcile_disabled without E2B_API_KEY", async () => {
    configure({ E2B_API_KEY: undefined });

    const response = await reconcileNow(adminRequest("POST"));

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: "reconcile_disabled",
      message: expect.stringContaining("E2B_API_KEY"),
    });
  });

  it("answers 401 without the admin token", async () => {
    configure();

    const response = await reconcileNow(adminRequest("POST", null));

    expect(response.status).toBe(401);
    expect(fake.requests).toHaveLength(0);
  });

  it("answers 403 admin_disabled when no admin token is configured", async () => {
    configure({ WEBHOOK_ADMIN_TOKEN: undefined });

    const response = await reconcileNow(adminRequest("POST"));

    expect(response.status).toBe(403);
  });
});

describe("GET /api/reconcile", () => {
  it("shows the last run's result", async () => {
    configure();
    await reconcileNow(adminRequest("POST"));

    const response = await status(adminRequest("GET"));

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      success: true,
      running: false,
      consecutiveFailures: 0,
      lastResult: { ok: true },
    });
  });

  it("answers 409 reconcile_disabled without E2B_API_KEY", async () => {
    configure({ E2B_API_KEY: undefined });

    const response = await status(adminRequest("GET"));

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: "reconcile_disabled",
    });
  });
});
