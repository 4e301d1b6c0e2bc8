import { describe, expect, it } from "vitest";
import {
  expectAnswer,
  expectRefusal,
  runChecks,
  type Check,
} from "@/lib/client/checks/check";
import type { Answer } from "@/lib/client/send-delivery";

const applied: Answer = {
  reachable: true,
  status: 200,
  outcome: "applied",
  body: {
    success: true,
    outcome: "applied",
    message: "Event create processed successfully",
    eventId: "e1",
    eventType: "sandbox.lifecycle.created",
    sandboxId: "i1",
    timestamp: "2026-11-20T10:00:00Z",
  },
};
const expected = {
  status: 200,
  outcome: "applied",
  eventType: "sandbox.lifecycle.created",
  sandboxId: "i1",
};

describe("expectAnswer", () => {
  it("passes an answer that says what was expected", () => {
    expect(expectAnswer(applied, expected)).toEqual({
      ok: true,
      got: "200 applied",
      detail: "200 applied",
    });
  });

  it("fails on another outcome, quoting the server's message", () => {
    const result = expectAnswer(applied, { ...expected, outcome: "stale" });

    expect(result.ok).toBe(false);
    expect(result.detail).toBe(
      "expected 200 stale, got 200 applied (Event create processed successfully)",
    );
  });

  it("fails on another sandbox id", () => {
    const result = expectAnswer(applied, { ...expected, sandboxId: "i2" });

    expect(result).toMatchObject({ ok: false, detail: /sandboxId i2/ });
  });

  it("halts on an unreachable server", () => {
    const answer: Answer = { reachable: false, error: "ECONNREFUSED" };

    expect(expectAnswer(answer, expected)).toMatchObject({
      ok: false,
      halt: { kind: "unreachable" },
    });
  });

  it("halts on a redirect, naming where it points", () => {
    const answer: Answer = {
      reachable: true,
      status: 308,
      outcome: "HTTP 308",
      body: null,
      location: "http://127.0.0.1:3000/api/webhooks/e2b",
    };

    expect(expectAnswer(answer, expected)).toEqual({
      ok: false,
      got: "308 HTTP 308",
      detail: "redirected to http://127.0.0.1:3000/api/webhooks/e2b",
      halt: {
        kind: "redirected",
        status: 308,
        location: "http://127.0.0.1:3000/api/webhooks/e2b",
      },
    });
  });

  it("halts on an answer that is not the receiver's JSON", () => {
    const answer: Answer = {
      reachable: true,
      status: 200,
      outcome: "HTTP 200",
      body: null,
      contentType: "text/html; charset=utf-8",
    };

    expect(expectAnswer(answer, expected)).toMatchObject({
      ok: false,
      detail:
        "HTTP 200 (text/html; charset=utf-8), not the receiver's JSON answer",
      halt: { kind: "not_receiver", status: 200 },
    });
  });

  it("does not halt on the receiver's own refusal", () => {
    const refused: Answer = {
      reachable: true,
      status: 401,
      outcome: "invalid_signature",
      body: { success: false, error: "invalid_signature", message: "no" },
    };

    expect(expectAnswer(refused, expected)).not.toHaveProperty("halt");
  });
});

describe("expectRefusal", () => {
  const refusal = { status: 401, outcome: "invalid_signature" };
  const answer = (status: number, error: string): Answer => ({
    reachable: true,
    status,
    outcome: error,
    body: { success: false, error, message: "refused" },
  });

  it("passes the expected refusal", () => {
    expect(expectRefusal(answer(401, "invalid_signature"), refusal)).toEqual({
      ok: true,
      got: "401 invalid_signature",
      detail: "401 invalid_signature",
    });
  });

  it("passes 429 rate_limited as a rejection too, saying so", () => {
    const result = expectRefusal(answer(429, "rate_limited"), refusal);

    expect(result.ok).toBe(true);
    expect(result.detail).toMatch(
      /^429 rate_limited: refused by the receiver's limit on failed verifications/,
    );
  });

  it("fails any other answer", () => {
    expect(expectRefusal(answer(400, "invalid_json"), refusal).ok).toBe(false);
    expect(expectRefusal(applied, refusal).ok).toBe(false);
  });
});

describe("runChecks", () => {
  it("stops at the first check that halts", async () => {
    const ran: string[] = [];
    const check = (name: string, halts: boolean): Check => ({
      name,
      run: async () => {
        ran.push(name);
        const halt = halts ? { kind: "unreachable" as const } : undefined;
        return { ok: !halts, detail: name, halt };
      },
    });
    const checks = [check("a", false), check("b", true), check("c", false)];

    const results = await runChecks(checks, () => {});

    expect(ran).toEqual(["a", "b"]);
    expect(results).toHaveLength(2);
  });
});
