import { describe, expect, it } from "vitest";
import { normaliseEvent } from "@/lib/events/normalise";
import { MAX_IDENTIFIER_LENGTH } from "@/lib/events/schema";

const legacy = {
  eventCategory: "lifecycle",
  eventLabel: "kill",
  sandboxId: "ib7ytj0t12tujbnxkwva0",
  sandboxTeamId: "team_abc123xyz",
  timestamp: "2025-11-08T12:34:56.789Z",
};

const snake = {
  id: "c0ffee00-1234-4abc-9def-0123456789ab",
  type: "sandbox.lifecycle.killed",
  timestamp: "2026-11-20T10:32:11.250001Z",
  sandbox_id: "iu3k9x2m7q1w5e8r0t4y6",
  sandbox_team_id: "460355b3-4f64-48f9-9a16-4442817f79f5",
};

function issues(body: unknown) {
  const result = normaliseEvent(body, new Uint8Array(), 0);
  return result.ok ? [] : result.issues;
}

const long = "x".repeat(MAX_IDENTIFIER_LENGTH + 1);

describe("bodies that are not lifecycle events", () => {
  it("accepts both baselines, so each case below fails for its one change", () => {
    expect(normaliseEvent(legacy, new Uint8Array(), 0).ok).toBe(true);
    expect(normaliseEvent(snake, new Uint8Array(), 0).ok).toBe(true);
  });

  it.each([
    ["an array", [legacy]],
    ["a string", "sandbox.lifecycle.killed"],
    ["a number", 42],
    ["null", null],
    ["true", true],
  ])("refuses %s: the body must be an object", (_name, body) => {
    expect(issues(body)).toEqual([
      { path: "", message: "the body must be a JSON object" },
    ]);
  });

  it.each([
    [
      "a legacy body without sandboxId",
      { ...legacy, sandboxId: undefined },
      "sandboxId",
      "is required",
    ],
    [
      "a legacy body with an empty sandboxId",
      { ...legacy, sandboxId: "" },
      "sandboxId",
      "must not be empty",
    ],
    [
      "a legacy body with a numeric sandboxId",
      { ...legacy, sandboxId: 7 },
      "sandboxId",
      "must be a string",
    ],
    [
      "a snake_case body with an empty sandbox_id",
      { ...snake, sandbox_id: "" },
      "sandbox_id",
      "must not be empty",
    ],
    [
      "a snake_case body with a null sandbox_id",
      { ...snake, sandbox_id: null },
      "sandbox_id",
      "must be a string",
    ],
    [
      "a snake_case body with a numeric id",
      { ...snake, id: 42 },
      "id",
      "must be a string",
    ],
    [
      "a snake_case body with a numeric timestamp",
      { ...snake, timestamp: 1795169100 },
      "timestamp",
      "must be an RFC 3339 timestamp string",
    ],
  ])("refuses %s", (_name, body, path, message) => {
    expect(issues(body)).toEqual([{ path, message }]);
  });

  it.each([
    ["sandboxId", { ...legacy, sandboxId: long }],
    ["sandboxTeamId", { ...legacy, sandboxTeamId: long }],
    ["eventLabel", { ...legacy, eventLabel: long }],
    ["id", { ...snake, id: long }],
    ["type", { ...snake, type: long }],
    ["sandbox_id", { ...snake, sandbox_id: long }],
    ["sandbox_execution_id", { ...snake, sandbox_execution_id: long }],
    ["sandbox_template_id", { ...snake, sandbox_template_id: long }],
    ["sandbox_build_id", { ...snake, sandbox_build_id: long }],
    ["sandbox_team_id", { ...snake, sandbox_team_id: long }],
  ])("refuses a %s over 256 characters", (path, body) => {
    expect(issues(body)).toEqual([
      { path, message: "must be at most 256 characters" },
    ]);
  });

  it("accepts identifiers of exactly 256 characters", () => {
    const longest = "y".repeat(MAX_IDENTIFIER_LENGTH);

    expect(issues({ ...snake, id: longest, sandbox_id: longest })).toEqual([]);
  });

  it.each([
    ["not a timestamp", "yesterday"],
    ["an impossible date", "2026-02-30T10:00:00Z"],
    ["epoch seconds as a string", "1795169100"],
  ])("refuses a timestamp that is %s", (_name, timestamp) => {
    expect(issues({ ...snake, timestamp })).toEqual([
      { path: "timestamp", message: "must be an RFC 3339 timestamp" },
    ]);
  });

  it("refuses a timestamp that is a number", () => {
    expect(issues({ ...legacy, timestamp: 1795169100 })).toMatchObject([
      { path: "timestamp" },
    ]);
  });

  it("refuses a body with neither type nor label", () => {
    expect(issues({ ...legacy, eventLabel: undefined })).toEqual([
      { path: "type", message: "a type (or a legacy eventLabel) is required" },
    ]);
    expect(issues({ ...snake, type: "" })).toEqual([
      { path: "type", message: "a type (or a legacy eventLabel) is required" },
    ]);
  });
});
