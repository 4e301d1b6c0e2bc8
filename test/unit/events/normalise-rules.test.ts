import { describe, expect, it } from "vitest";
import { normaliseEvent } from "@/lib/events/normalise";

const RECEIVED_AT = Date.UTC(2026, 10, 20, 12, 0, 0, 250);

const legacy = {
  eventCategory: "lifecycle",
  eventLabel: "create",
  sandboxId: "ib7ytj0t12tujbnxkwva0",
  sandboxTeamId: "team_abc123xyz",
  timestamp: "2025-11-08T12:30:00.000Z",
};

const snake = {
  id: "30b09e11-9ba2-42db-9cf6-d21f0f43a234",
  version: "v2",
  type: "sandbox.lifecycle.updated",
  timestamp: "2026-11-20T09:15:03.90125Z",
  event_category: "lifecycle",
  event_label: "update",
  sandbox_id: "iu3k9x2m7q1w5e8r0t4y6",
  sandbox_team_id: "460355b3-4f64-48f9-9a16-4442817f79f5",
};

function normalise(body: unknown) {
  const bytes = new TextEncoder().encode(JSON.stringify(body) ?? "");
  return normaliseEvent(body, bytes, RECEIVED_AT);
}

function event(body: unknown) {
  const result = normalise(body);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.event;
}

describe("legacy labels", () => {
  it.each([
    ["create", "sandbox.lifecycle.created"],
    ["update", "sandbox.lifecycle.updated"],
    ["pause", "sandbox.lifecycle.paused"],
    ["resume", "sandbox.lifecycle.resumed"],
    ["kill", "sandbox.lifecycle.killed"],
  ])("maps %s to %s", (label, type) => {
    expect(event({ ...legacy, eventLabel: label }).type).toBe(type);
  });

  it("spells an unknown label as a type, to be acknowledged and ignored", () => {
    expect(event({ ...legacy, eventLabel: "explode" }).type).toBe(
      "sandbox.lifecycle.explode",
    );
  });

  it("keeps a label of another category out of the lifecycle", () => {
    const billing = { ...legacy, eventCategory: "billing", eventLabel: "kill" };

    expect(event(billing).type).toBe("sandbox.billing.kill");
  });

  it("prefers an explicit type over the label", () => {
    expect(event({ ...snake, event_label: "kill" }).type).toBe(
      "sandbox.lifecycle.updated",
    );
  });
});

describe("event data", () => {
  const withData = (eventData: unknown, label = "update") =>
    event({ ...legacy, eventLabel: label, eventData }).data;

  it("reads network egress rules, keeping null lists as null", () => {
    const data = event({
      ...snake,
      event_data: {
        network_egress: {
          allowed_cidrs: ["10.0.0.0/8"],
          denied_cidrs: null,
          allowed_domains: ["example.com"],
        },
      },
    }).data;

    expect(data.networkEgress).toEqual({
      allowedCidrs: ["10.0.0.0/8"],
      deniedCidrs: null,
      allowedDomains: ["example.com"],
    });
  });

  it("reads camelCase keys inside eventData too", () => {
    expect(
      withData({
        sandboxMetadata: { a: "b" },
        setTimeout: "2026-11-20T10:00:00Z",
      }),
    ).toEqual({ metadata: { a: "b" }, setTimeout: "2026-11-20T10:00:00Z" });
  });

  it("reads `reason` as the kill reason only on a kill", () => {
    expect(withData({ reason: "timeout" }, "kill")).toEqual({
      killReason: "timeout",
    });
    expect(withData({ reason: "timeout" }, "update")).toEqual({});
  });

  it.each([
    ["metadata with a number value", { sandbox_metadata: { a: 1 } }],
    ["a set_timeout that is not a timestamp", { set_timeout: "tomorrow" }],
    ["an execution that is a string", { execution: "fast" }],
    ["an egress list of numbers", { network_egress: { allowed_cidrs: [1] } }],
    ["a kill_reason that is a number", { kill_reason: 7 }],
  ])("drops %s and keeps the event", (_name, data) => {
    expect(withData(data, "kill")).toEqual({});
  });

  it("treats event_data that is not an object as none", () => {
    expect(event({ ...snake, event_data: ["x"] }).data).toEqual({});
  });

  it("ignores unknown keys at the top level and in event_data", () => {
    const result = event({
      ...snake,
      events_ttl_days: 7,
      surprise: { nested: true },
      event_data: { future_field: 1, kill_reason_v2: "x" },
    });

    expect(result.data).toEqual({});
    expect(result).not.toHaveProperty("events_ttl_days");
  });
});

describe("timestamps and ids", () => {
  it("uses the receive time when the body has no timestamp", () => {
    const { timestamp: _omitted, ...body } = legacy;

    expect(event(body).time.text).toBe("2026-11-20T12:00:00.250Z");
  });

  it("digests the raw body when a snake_case body has no id", () => {
    const { id: _omitted, ...body } = snake;

    expect(event(body).id).toMatch(/^[0-9a-f]{64}$/);
  });
});
