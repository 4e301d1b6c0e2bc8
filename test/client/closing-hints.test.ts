import { describe, expect, it } from "vitest";
import type { CheckResult } from "@/lib/client/checks/check";
import { closingHints } from "@/lib/client/checks/closing-hints";

const URL = "http://127.0.0.1:3000/api/webhooks/e2b/";
const passed: CheckResult = { ok: true, detail: "200 applied" };
const hints = (...results: CheckResult[]) =>
  closingHints(results, URL, "--secret");

describe("closingHints", () => {
  it("says nothing when every check passed", () => {
    expect(hints(passed, passed)).toEqual([]);
  });

  it("asks whether the receiver is running when it cannot be reached", () => {
    const result: CheckResult = {
      ok: false,
      detail: "ECONNREFUSED",
      halt: { kind: "unreachable" },
    };

    expect(hints(result)).toEqual([
      expect.stringMatching(/^Cannot reach .* Is the receiver running\?/),
    ]);
  });

  it("names the URL a redirect points to, to use instead", () => {
    const location = "http://127.0.0.1:3000/api/webhooks/e2b";
    const result: CheckResult = {
      ok: false,
      detail: `redirected to ${location}`,
      halt: { kind: "redirected", status: 308, location },
    };

    expect(hints(result)).toEqual([
      `The URL redirects (308) to ${location}: use that URL (--url=${location}). Deliveries are never sent on through a redirect.`,
    ]);
  });

  it("says once that a non-JSON answer is not the receiver's", () => {
    const result: CheckResult = {
      ok: false,
      detail: "HTTP 200 (text/html)",
      halt: { kind: "not_receiver", status: 200, contentType: "text/html" },
    };

    expect(hints(passed, result)).toEqual([
      `${URL} did not answer like the receiver: it answered HTTP 200 (text/html), where the receiver answers a JSON body with "success". Check the URL: the receiver's webhook path is /api/webhooks/e2b.`,
    ]);
  });

  it("blames the secret when signed deliveries were refused as invalid", () => {
    const refused: CheckResult = {
      ok: false,
      detail: "expected 200 applied",
      got: "401 invalid_signature",
    };

    expect(hints(refused, refused)).toEqual([
      expect.stringContaining(
        "signed with the secret from --secret: it must equal the server's E2B_WEBHOOK_SECRET",
      ),
    ]);
  });

  it("asks to wait when deliveries were rate-limited", () => {
    const limited: CheckResult = {
      ok: false,
      detail: "expected 200 applied",
      got: "429 rate_limited",
    };

    expect(hints(limited)).toEqual([
      expect.stringContaining("wait a minute and run again"),
    ]);
  });
});
