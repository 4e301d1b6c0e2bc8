import { describe, expect, it } from "vitest";
import { expectAnswer, type CheckResult } from "@/lib/client/checks/check";
import { closingHints } from "@/lib/client/checks/closing-hints";
import type { Answer } from "@/lib/client/send-delivery";

const expected = { status: 200, outcome: "applied" };

function refusal(status: number, error: string): Answer {
  return {
    reachable: true,
    status,
    outcome: error,
    body: { success: false, error, message: "not here" },
    contentType: "application/json",
  };
}

describe("the receiver's answer for a URL that is not its webhook endpoint", () => {
  it.each([
    [404, "not_found", "an unknown path under /api"],
    [405, "method_not_allowed", "another endpoint, such as /api/health"],
  ])("halts the checks on %i %s (%s)", (status, error) => {
    expect(expectAnswer(refusal(status, error), expected)).toEqual({
      ok: false,
      got: `${status} ${error}`,
      detail: `${status} ${error}: not the receiver's webhook endpoint`,
      halt: { kind: "not_webhook", status, error },
    });
  });

  it("ends with the webhook URL to use instead", () => {
    const result: CheckResult = {
      ok: false,
      detail: "404 not_found: not the receiver's webhook endpoint",
      halt: { kind: "not_webhook", status: 404, error: "not_found" },
    };

    expect(
      closingHints([result], "http://127.0.0.1:3000/api/webhook", "--secret"),
    ).toEqual([
      "http://127.0.0.1:3000/api/webhook is not the receiver's webhook endpoint: it answered 404 not_found. Use the webhook path (--url=http://127.0.0.1:3000/api/webhooks/e2b).",
    ]);
  });
});
