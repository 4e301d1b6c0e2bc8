import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { E2bApi } from "@/lib/e2b-api/client";
import { freePort } from "../support/server-process";
import { startFakeE2bApi, type FakeE2bApi } from "../support/fake-e2b-api";

const NEW_WEBHOOK = {
  name: "receiver",
  url: "https://example.com/api/webhooks/e2b",
  events: ["sandbox.lifecycle.killed"],
  signatureSecret: "x".repeat(32),
};

let fake: FakeE2bApi;
let api: E2bApi;

beforeAll(async () => {
  fake = await startFakeE2bApi();
});
afterAll(() => fake.close());
beforeEach(() => {
  api = new E2bApi({ apiKey: fake.apiKey, baseUrl: fake.url, timeoutMs: 2000 });
});

describe("the E2B API client", () => {
  it("creates a webhook with the API key and gets it back without the secret", async () => {
    const created = await api.createWebhook(NEW_WEBHOOK);

    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value).toMatchObject({ name: "receiver", enabled: true });
    expect(JSON.stringify(created.value)).not.toContain("x".repeat(32));
    expect(fake.requests.at(-1)?.apiKey).toBe(fake.apiKey);
    const fetched = await api.getWebhook(created.value.id);
    expect(fetched).toEqual({ ok: true, value: created.value });
  });

  it("reads E2B's 404 for an empty webhook list as no webhooks", async () => {
    const empty = await startFakeE2bApi({ apiKey: "e2b_empty" });
    const client = new E2bApi({
      apiKey: "e2b_empty",
      baseUrl: empty.url,
      timeoutMs: 2000,
    });

    expect(await client.listWebhooks()).toEqual({ ok: true, value: [] });
    await empty.close();
  });

  it("reports an unknown webhook as not_found with E2B's code and message", async () => {
    const result = await api.getWebhook("no-such-id");

    expect(result).toMatchObject({
      ok: false,
      error: {
        reason: "not_found",
        status: 404,
        e2b: { code: 404, message: "webhook no-such-id not found" },
      },
    });
  });

  it("reports a wrong API key as unauthorized", async () => {
    const wrong = new E2bApi({
      apiKey: "e2b_wrong",
      baseUrl: fake.url,
      timeoutMs: 2000,
    });

    const result = await wrong.listWebhooks();

    expect(result).toMatchObject({
      ok: false,
      error: { reason: "unauthorized", status: 401 },
    });
  });

  it("reports E2B's other errors as api_error carrying its code and message", async () => {
    const result = await api.createWebhook({ ...NEW_WEBHOOK, events: [] });

    expect(result).toMatchObject({
      ok: false,
      error: {
        reason: "api_error",
        status: 400,
        e2b: {
          code: 400,
          message: "events must be a non-empty array of event types",
        },
      },
    });
  });

  it("keeps the start of a non-JSON error body in the message", async () => {
    fake.failNext(1, { status: 502, body: "bad gateway" });

    const result = await api.listWebhooks();

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ reason: "api_error", status: 502 });
    expect(result.error.e2b).toBeUndefined();
    expect(result.error.message).toContain("bad gateway");
  });

  it("reports a closed port as network_error naming the cause", async () => {
    const port = await freePort();
    const closed = new E2bApi({
      apiKey: "e2b_key",
      baseUrl: `http://127.0.0.1:${port}`,
      timeoutMs: 2000,
    });

    const result = await closed.listWebhooks();

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.reason).toBe("network_error");
    expect(result.error.message).toContain("ECONNREFUSED");
  });

  it("gives up on a silent server with timeout", async () => {
    fake.failNext(1, { hang: true });
    const impatient = new E2bApi({
      apiKey: fake.apiKey,
      baseUrl: fake.url,
      timeoutMs: 200,
    });

    const result = await impatient.listWebhooks();

    expect(result).toMatchObject({ ok: false, error: { reason: "timeout" } });
  });

  it("refuses a 2xx body of the wrong shape as invalid_response", async () => {
    fake.failNext(1, { status: 200, body: { webhooks: [] } });

    const result = await api.listWebhooks();

    expect(result).toMatchObject({
      ok: false,
      error: { reason: "invalid_response" },
    });
  });

  it("sends the events query with repeated types and reads a plain array", async () => {
    fake.addEvents(
      event("e1", "2026-01-01T00:00:01Z", "sandbox.lifecycle.created"),
      event("e2", "2026-01-01T00:00:02Z", "sandbox.lifecycle.paused"),
      event("e3", "2026-01-01T00:00:03Z", "sandbox.lifecycle.killed"),
    );

    const result = await api.listSandboxEvents({
      offset: 0,
      limit: 100,
      types: ["sandbox.lifecycle.created", "sandbox.lifecycle.killed"],
    });

    expect(result.ok && result.value.map((e) => e.id)).toEqual(["e3", "e1"]);
    const query = fake.requests.at(-1)?.query;
    expect(query?.getAll("types")).toHaveLength(2);
    expect(query?.get("limit")).toBe("100");
  });

  it("pages delivery attempts with E2B's cursor", async () => {
    const created = await api.createWebhook(NEW_WEBHOOK);
    if (!created.ok) throw new Error(created.error.message);
    fake.addDeliveries(
      created.value.id,
      { timestamp: "2026-01-01T00:00:01Z" },
      { timestamp: "2026-01-01T00:00:02Z" },
      { timestamp: "2026-01-01T00:00:03Z" },
    );

    const first = await api.listDeliveries(created.value.id, { limit: 2 });
    if (!first.ok) throw new Error(first.error.message);
    const second = await api.listDeliveries(created.value.id, {
      limit: 2,
      cursor: first.value.nextCursor ?? undefined,
    });

    expect(first.value.data).toHaveLength(2);
    expect(second.ok && second.value.data).toHaveLength(1);
    expect(second.ok && second.value.nextCursor).toBeNull();
  });

  it("sends orderAsc=false rather than dropping a false value", async () => {
    const sandboxId = "iordered";
    fake.addEvents(
      { ...event("o1", "2026-02-01T00:00:01Z", "created"), sandboxId },
      { ...event("o2", "2026-02-01T00:00:02Z", "killed"), sandboxId },
    );

    const newest = await api.listSandboxEvents({ sandboxId, orderAsc: false });
    const oldest = await api.listSandboxEvents({ sandboxId, orderAsc: true });

    expect(fake.requests.at(-2)?.query.get("orderAsc")).toBe("false");
    expect(newest.ok && newest.value.map((e) => e.id)).toEqual(["o2", "o1"]);
    expect(oldest.ok && oldest.value.map((e) => e.id)).toEqual(["o1", "o2"]);
  });

  it("refuses to be created without an API key", () => {
    expect(
      () => new E2bApi({ apiKey: "", baseUrl: fake.url, timeoutMs: 1 }),
    ).toThrow(/API key/);
  });
});

function event(id: string, timestamp: string, type: string) {
  return { id, type, timestamp, sandboxId: "isandbox", version: "v2" };
}
