import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureProductionBuild } from "../support/production-build";
import { startServer, type RunningServer } from "../support/server-process";
import { startFakeE2bApi, type FakeE2bApi } from "../support/fake-e2b-api";
import { eventRecord, minutesAgo } from "./helpers";
import { webhookFor } from "./webhook-body";

const SECRET = "reconcile-e2e-tests-secret-0123456789ab";
const TOKEN = "reconcile-e2e-tests-admin-token-012345";
const KILLED = "ikilled00000000000001";
const PAUSED = "ipaused00000000000001";

let fake: FakeE2bApi;
let server: RunningServer;

beforeAll(async () => {
  fake = await startFakeE2bApi();
  // The receiver is down while E2B records these: no webhook reaches it.
  fake.addEvents(
    eventRecord("created", KILLED, minutesAgo(50)),
    eventRecord("paused", KILLED, minutesAgo(40)),
    eventRecord("killed", KILLED, minutesAgo(30)),
    eventRecord("created", PAUSED, minutesAgo(20)),
    eventRecord("paused", PAUSED, minutesAgo(10)),
  );
  const dir = ensureProductionBuild();
  server = await startServer({
    dir,
    env: {
      E2B_WEBHOOK_SECRET: SECRET,
      WEBHOOK_ADMIN_TOKEN: TOKEN,
      E2B_API_KEY: fake.apiKey,
      E2B_API_URL: fake.url,
      LOG_FORMAT: "json",
    },
  });
});
afterAll(async () => {
  await server?.stop();
  await fake?.close();
});

async function admin(path: string, method = "GET"): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}` },
  });
}

async function firstRunDone(): Promise<unknown> {
  for (let i = 0; i < 200; i += 1) {
    const body = (await (await admin("/api/reconcile")).json()) as {
      lastResult: unknown;
    };
    if (body.lastResult) return body.lastResult;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no reconcile run after start-up:\n${server.output()}`);
}

describe("a production server that missed events while it was down", () => {
  it("catches up at start-up without any webhook", async () => {
    const result = await firstRunDone();

    expect(result).toMatchObject({
      ok: true,
      counts: { fetched: 5, applied: 5 },
    });
    const killed = await admin(`/api/sandboxes/${KILLED}`);
    expect(killed.status).toBe(410);
    expect(await killed.json()).toMatchObject({ sandbox: { state: "killed" } });
    const paused = await admin(`/api/sandboxes/${PAUSED}`);
    expect(await paused.json()).toMatchObject({ sandbox: { state: "paused" } });
    expect(fake.requests[0]?.apiKey).toBe(fake.apiKey);
  });

  it("applies later events when asked through POST /api/reconcile", async () => {
    await firstRunDone();
    fake.addEvents(eventRecord("resumed", PAUSED, minutesAgo(1)));

    const response = await admin("/api/reconcile", "POST");

    expect(await response.json()).toMatchObject({ success: true, applied: 1 });
    const resumed = await admin(`/api/sandboxes/${PAUSED}`);
    expect(await resumed.json()).toMatchObject({
      sandbox: { state: "running" },
    });
  });

  it("applies an event once when it arrives both as a webhook and from the events API", async () => {
    await firstRunDone();
    const record = eventRecord(
      "created",
      "iboth0000000000000001",
      minutesAgo(1),
    );
    const { body, headers } = webhookFor(record, SECRET);
    const delivered = await fetch(`${server.url}/api/webhooks/e2b`, {
      method: "POST",
      headers,
      body,
    });
    fake.addEvents(record);

    const response = await admin("/api/reconcile", "POST");

    expect(await delivered.json()).toMatchObject({ outcome: "applied" });
    // Everything re-read (this event, and the overlap before the last
    // checkpoint) was known already.
    const counts = (await response.json()) as Record<string, number>;
    expect(counts.applied).toBe(0);
    expect(counts.duplicate).toBe(counts.fetched);
    expect(counts.fetched).toBeGreaterThanOrEqual(1);
  });

  it("logs each run", async () => {
    await firstRunDone();

    expect(server.output()).toMatch(/reconcile: \d+ applied of \d+ fetched/);
  });
});
