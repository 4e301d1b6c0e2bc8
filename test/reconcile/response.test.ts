import { describe, expect, it } from "vitest";
import {
  RECONCILE_DISABLED,
  reconcileAnswer,
} from "@/lib/reconcile/reconcile-response";

describe("the answer to POST /api/reconcile", () => {
  it("is 409 reconcile_in_progress while another replica holds the lock", () => {
    const answer = reconcileAnswer({
      ok: false,
      reason: "locked",
      message: "Another replica is reconciling",
    });

    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ error: "reconcile_in_progress" });
  });

  it("is 409 reconcile_interrupted when the run lost its lock mid-run", () => {
    const answer = reconcileAnswer({
      ok: false,
      reason: "lock_lost",
      message: "Lost the reconcile lock mid-run (expired)",
    });

    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ error: "reconcile_interrupted" });
  });

  it("is 503 unavailable when the registry cannot be reached", () => {
    const answer = reconcileAnswer({
      ok: false,
      reason: "store_unavailable",
      message: "Could not reach the registry: ECONNREFUSED",
    });

    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ error: "unavailable" });
  });

  it("is 500 internal_error without echoing the exception", () => {
    const answer = reconcileAnswer({
      ok: false,
      reason: "internal_error",
      message: "TypeError: secret stack detail",
    });

    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain("secret stack detail");
  });

  it("is 502 e2b_unavailable with no E2B code when E2B sent none", () => {
    const answer = reconcileAnswer({
      ok: false,
      reason: "e2b_unavailable",
      message: "Could not reach E2B at http://127.0.0.1:1: ECONNREFUSED",
      error: { reason: "network_error", message: "ECONNREFUSED" },
    });

    expect(answer.status).toBe(502);
    expect(answer.body.e2b).toEqual({ reason: "network_error", status: null });
  });

  it("is 502 e2b_unauthorized, naming E2B_API_KEY, when E2B refuses the key", () => {
    const answer = reconcileAnswer({
      ok: false,
      reason: "e2b_unauthorized",
      message: "E2B refused E2B_API_KEY: E2B answered 401: Invalid API key",
      error: { reason: "unauthorized", status: 401, message: "401" },
    });

    expect(answer.status).toBe(502);
    expect(answer.body).toMatchObject({
      error: "e2b_unauthorized",
      e2b: { reason: "unauthorized", status: 401 },
    });
    expect(answer.body.message).toContain("E2B_API_KEY");
  });

  it("is 409 reconcile_disabled, naming E2B_API_KEY, without a key", () => {
    expect(RECONCILE_DISABLED.status).toBe(409);
    expect(RECONCILE_DISABLED.body).toMatchObject({
      error: "reconcile_disabled",
    });
    expect(RECONCILE_DISABLED.body.message).toContain("E2B_API_KEY");
  });
});
