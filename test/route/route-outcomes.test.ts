import { createHash } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { sandboxManager } from "@/lib/sandbox-manager";
import { E2B_V2_FIXTURES } from "../unit/helpers/fixtures";
import {
  configure,
  deliver,
  e2bHeaders,
  hmacHeaders,
  post,
  recentFixture,
  restoreEnvironment,
  SECRET,
} from "./deliveries";

type Body = Record<string, string>;
const parse = (text: string) => JSON.parse(text) as Body;
const SANDBOX = "iu3k9x2m7q1w5e8r0t4y6";

beforeEach(() => configure({ E2B_WEBHOOK_SECRET: SECRET }));
afterAll(restoreEnvironment);

describe("a full lifecycle in E2B's current shape", () => {
  it("applies each event with 200 and the event's identity", async () => {
    const labels = [
      "create",
      "update",
      "pause",
      "resume",
      "sandbox.lifecycle.checkpointed",
      "kill",
    ];

    for (const [i, path] of E2B_V2_FIXTURES.entries()) {
      const payload = recentFixture(path);
      const event = parse(payload);

      const answer = await deliver(payload);

      expect(answer.status, path).toBe(200);
      expect(answer.body).toEqual({
        success: true,
        outcome: "applied",
        message: `Event ${labels[i]} processed successfully`,
        eventId: event.id,
        eventType: event.type,
        sandboxId: SANDBOX,
        timestamp: event.timestamp,
      });
    }
  });

  it("keeps the process's sandboxManager up to date", async () => {
    for (const path of E2B_V2_FIXTURES.slice(0, 5))
      await deliver(recentFixture(path));
    const checkpointed = parse(recentFixture("e2b-v2/05-checkpointed.json"));

    expect(await sandboxManager.get(SANDBOX)).toMatchObject({
      state: "running",
      executionId: "7c1f3a2e-55b0-4e0a-9d7e-3b8f2c6d1a90",
      checkpointedAt: checkpointed.timestamp,
      metadata: { project: "landing-page", userId: "user-42" },
    });

    await deliver(recentFixture("e2b-v2/06-killed.json"));

    expect(await sandboxManager.get(SANDBOX)).toBeUndefined();
    expect(await sandboxManager.getTombstone(SANDBOX)).toMatchObject({
      killReason: "timeout",
    });
  });

  it("answers a retry of the same event (new delivery id) as a duplicate", async () => {
    const payload = recentFixture("e2b-v2/03-paused.json");
    await deliver(payload);

    const retry = await post(payload, e2bHeaders(payload));

    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({
      outcome: "duplicate",
      message: "Event pause was already processed",
    });
  });

  it("answers an event arriving after the kill as stale", async () => {
    await deliver(recentFixture("e2b-v2/06-killed.json"));

    const late = await deliver(recentFixture("e2b-v2/04-resumed.json"));

    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({
      outcome: "stale",
      eventType: "sandbox.lifecycle.resumed",
    });
    expect(await sandboxManager.get(SANDBOX)).toBeUndefined();
  });

  it("answers an event older than the replay window as stale and applies nothing", async () => {
    const old = recentFixture("e2b-v2/01-created.json").replace(
      /"timestamp":"[^"]+"/,
      '"timestamp":"2020-01-01T00:00:00Z"',
    );

    const answer = await deliver(old);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ outcome: "stale" });
    expect(await sandboxManager.get(SANDBOX)).toBeUndefined();
  });

  it("acknowledges an unknown event type with 200 and ignores it", async () => {
    const payload = recentFixture("e2b-v2/05-checkpointed.json").replace(
      "sandbox.lifecycle.checkpointed",
      "sandbox.lifecycle.snapshotted",
    );

    const answer = await deliver(payload);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      outcome: "ignored",
      eventType: "sandbox.lifecycle.snapshotted",
      message:
        "Event type sandbox.lifecycle.snapshotted is not handled; acknowledged",
    });
    expect(await sandboxManager.get(SANDBOX)).toBeUndefined();
  });

  it("tolerates a UTF-8 byte order mark before the JSON, as RFC 8259 allows", async () => {
    const answer = await deliver(
      `\uFEFF${recentFixture("e2b-v2/01-created.json")}`,
    );

    expect(answer.body).toMatchObject({ outcome: "applied" });
  });
});

describe("the setup guide's legacy body", () => {
  it("processes a kill with X-E2B-Signature: 'Event kill processed successfully'", async () => {
    const payload = recentFixture("legacy/kill.json");
    const event = parse(payload);

    const answer = await post(payload, hmacHeaders(payload));

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      success: true,
      outcome: "applied",
      message: "Event kill processed successfully",
      eventId: createHash("sha256").update(payload).digest("hex"),
      eventType: "sandbox.lifecycle.killed",
      sandboxId: "ib7ytj0t12tujbnxkwva0",
      timestamp: event.timestamp,
    });
  });

  it("creates with 'Event create processed successfully', then a repeat is a duplicate", async () => {
    const payload = recentFixture("legacy/create.json");

    const first = await post(payload, hmacHeaders(payload));
    const repeat = await post(payload, hmacHeaders(payload));

    expect(first.body).toMatchObject({
      outcome: "applied",
      message: "Event create processed successfully",
    });
    expect(repeat.body).toMatchObject({ outcome: "duplicate" });
    expect(await sandboxManager.get("ib7ytj0t12tujbnxkwva0")).toMatchObject({
      state: "running",
      templateId: "vite-react-ts",
    });
  });
});

describe("E2B's events API records", () => {
  it("applies a camelCase record delivered as a webhook body", async () => {
    const [, created] = JSON.parse(
      recentFixture("e2b-api/events-page.json"),
    ) as Body[];
    const payload = JSON.stringify(created);

    const answer = await deliver(payload);

    expect(answer.body).toMatchObject({
      outcome: "applied",
      sandboxId: "i0a1b2c3d4e5f6g7h8j9k",
    });
  });
});

describe("every answer", () => {
  it("is JSON that no cache keeps", async () => {
    const answer = await deliver(recentFixture("e2b-v2/01-created.json"));

    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });
});
