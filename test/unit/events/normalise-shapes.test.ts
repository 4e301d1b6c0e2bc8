import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { normaliseEvent } from "@/lib/events/normalise";
import {
  E2B_V2_FIXTURES,
  fixtureBytes,
  fixtureJson,
  fixtureText,
} from "../helpers/fixtures";

const RECEIVED_AT = Date.UTC(2026, 10, 20, 12, 0, 0);
const SANDBOX = "iu3k9x2m7q1w5e8r0t4y6";
const TEAM = "460355b3-4f64-48f9-9a16-4442817f79f5";
const TEMPLATE = "rki5dems9wqfm4r03t7g";
const BUILD = "a979a14b-bdcc-49e6-bc04-1189fc9fe7c2";
const METADATA = { project: "landing-page", userId: "user-42" };

function normaliseFixture(path: string) {
  const bytes = fixtureBytes(path);
  const result = normaliseEvent(JSON.parse(bytes.toString()), bytes, 0);
  if (!result.ok) throw new Error(`${path}: ${JSON.stringify(result.issues)}`);
  return result.event;
}

function normaliseText(text: string) {
  const bytes = new TextEncoder().encode(text);
  return normaliseEvent(JSON.parse(text), bytes, RECEIVED_AT);
}

describe("E2B's webhook body today (snake_case, v2)", () => {
  it("normalises every fixture with its full type and identifiers", () => {
    for (const path of E2B_V2_FIXTURES) {
      const raw = fixtureJson<Record<string, string>>(path);
      const event = normaliseFixture(path);

      expect(event).toMatchObject({
        id: raw.id,
        type: raw.type,
        shape: "e2b",
        sandboxId: SANDBOX,
        executionId: raw.sandbox_execution_id,
        teamId: TEAM,
        templateId: TEMPLATE,
        buildId: BUILD,
      });
      expect(event.time.text).toBe(raw.timestamp);
    }
  });

  it("reads a killed event's reason, usage and metadata", () => {
    expect(normaliseFixture("e2b-v2/06-killed.json")).toEqual({
      id: "c0ffee00-1234-4abc-9def-0123456789ab",
      type: "sandbox.lifecycle.killed",
      shape: "e2b",
      sandboxId: SANDBOX,
      executionId: "7c1f3a2e-55b0-4e0a-9d7e-3b8f2c6d1a90",
      teamId: TEAM,
      templateId: TEMPLATE,
      buildId: BUILD,
      time: {
        text: "2026-11-20T10:32:11.250001Z",
        key: "2026-11-20T10:32:11.250001000Z",
        epochMs: Date.UTC(2026, 10, 20, 10, 32, 11, 250),
      },
      data: {
        metadata: METADATA,
        killReason: "timeout",
        execution: {
          startedAt: "2026-11-20T10:02:11Z",
          vcpuCount: 2,
          memoryMb: 512,
          executionTimeMs: 1_799_750,
        },
      },
    });
  });

  it("reads an updated event's new end time and metadata", () => {
    expect(normaliseFixture("e2b-v2/02-updated.json").data).toEqual({
      metadata: METADATA,
      setTimeout: "2026-11-20T09:45:03Z",
    });
  });

  it("reads a paused event's usage", () => {
    expect(normaliseFixture("e2b-v2/03-paused.json").data.execution).toEqual({
      startedAt: "2026-11-20T09:15:02Z",
      vcpuCount: 2,
      memoryMb: 512,
      executionTimeMs: 998_589,
    });
  });

  it("keeps a nanosecond timestamp and an absent event_data as no data", () => {
    const event = normaliseFixture("e2b-v2/05-checkpointed.json");

    expect(event.type).toBe("sandbox.lifecycle.checkpointed");
    expect(event.time.key).toBe("2026-11-20T10:05:00.123456789Z");
    expect(event.data).toEqual({});
  });

  it("treats an empty sandbox_build_id as absent", () => {
    const text = fixtureText("e2b-v2/01-created.json").replace(BUILD, "");
    const result = normaliseText(text);

    expect(result.ok && Object.hasOwn(result.event, "buildId")).toBe(false);
  });
});

describe("E2B's events API records (camelCase)", () => {
  const records = fixtureJson<Record<string, unknown>[]>(
    "e2b-api/events-page.json",
  );

  it.each(records.map((record, i) => [i, record] as const))(
    "normalises record %i with its identifiers",
    (_i, record) => {
      const result = normaliseText(JSON.stringify(record));

      expect(result.ok && result.event).toMatchObject({
        id: record.id,
        type: record.type,
        shape: "camel",
        sandboxId: record.sandboxId,
        executionId: record.sandboxExecutionId,
        teamId: record.sandboxTeamId,
        templateId: record.sandboxTemplateId,
        buildId: record.sandboxBuildId,
        time: { text: record.timestamp },
      });
    },
  );

  it("reads snake_case entries inside eventData, and null eventData as none", () => {
    const [killed, created] = records.map((record) =>
      normaliseText(JSON.stringify(record)),
    );

    expect(killed?.ok && killed.event.data).toEqual({ killReason: "timeout" });
    expect(created?.ok && created.event.data).toEqual({});
  });
});

describe("the setup guide's legacy body", () => {
  it("takes the SHA-256 hex of the raw body as the event id", () => {
    const bytes = fixtureBytes("legacy/create.json");
    const expected = createHash("sha256").update(bytes).digest("hex");

    expect(normaliseFixture("legacy/create.json").id).toBe(expected);
  });

  it("gives a different id to the same event spelled with other bytes", () => {
    const compact = JSON.stringify(fixtureJson("legacy/create.json"));
    const result = normaliseText(compact);

    expect(result.ok && result.event.id).not.toBe(
      normaliseFixture("legacy/create.json").id,
    );
  });

  it("maps the create label and keeps the identifiers it has", () => {
    const event = normaliseFixture("legacy/create.json");

    expect(event).toMatchObject({
      type: "sandbox.lifecycle.created",
      shape: "legacy",
      sandboxId: "ib7ytj0t12tujbnxkwva0",
      teamId: "team_abc123xyz",
      templateId: "vite-react-ts",
      time: { text: "2025-11-08T12:30:00.000Z" },
      data: {},
    });
    expect(event).not.toHaveProperty("executionId");
    expect(event).not.toHaveProperty("buildId");
  });

  it("maps the kill label and reads its `reason` as the kill reason", () => {
    const event = normaliseFixture("legacy/kill.json");

    expect(event.type).toBe("sandbox.lifecycle.killed");
    expect(event.data).toEqual({ killReason: "timeout" });
  });
});
