import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { signE2b } from "@/lib/signature/sign";
import {
  configure,
  deliver,
  e2bHeaders,
  handlers,
  hmacHeaders,
  post,
  PREVIOUS_SECRET,
  recentFixture,
  restoreEnvironment,
  SECRET,
} from "./deliveries";

const CREATED = recentFixture("e2b-v2/01-created.json");

const rejection = (error: string) => ({
  success: false,
  error,
  message: expect.any(String),
});

afterAll(restoreEnvironment);

describe("a receiver with no usable secret", () => {
  it.each([
    ["unset", {}],
    ["empty", { E2B_WEBHOOK_SECRET: "" }],
    ["blank", { E2B_WEBHOOK_SECRET: "  \t " }],
    [
      "unset beside a previous secret",
      { E2B_WEBHOOK_SECRET_PREVIOUS: PREVIOUS_SECRET },
    ],
  ])("answers 500 not_configured when the secret is %s", async (_name, env) => {
    configure(env);

    const answer = await post(CREATED, e2bHeaders(CREATED, ""));

    expect(answer.status).toBe(500);
    expect(answer.body).toEqual(rejection("not_configured"));
  });

  it("refuses even a delivery signed with the previous secret", async () => {
    configure({ E2B_WEBHOOK_SECRET_PREVIOUS: PREVIOUS_SECRET });

    const answer = await deliver(CREATED, PREVIOUS_SECRET);

    expect(answer.status).toBe(500);
  });
});

describe("signatures", () => {
  beforeEach(() => configure({ E2B_WEBHOOK_SECRET: SECRET }));

  it("answers 401 missing_signature when no signature header is present", async () => {
    const answer = await post(CREATED, {
      "content-type": "application/json",
      "e2b-signature-version": "v1",
    });

    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(rejection("missing_signature"));
  });

  it.each([
    [
      "another secret's signature",
      { "e2b-signature": signE2b("wrong-secret", CREATED) },
    ],
    [
      "another body's signature",
      { "e2b-signature": signE2b(SECRET, `${CREATED} `) },
    ],
    [
      "a truncated signature",
      { "e2b-signature": signE2b(SECRET, CREATED).slice(0, 40) },
    ],
    [
      "a latin-1 character in the value",
      { "e2b-signature": `${signE2b(SECRET, CREATED).slice(0, 42)}é` },
    ],
    ["a non-hex X-E2B-Signature", { "x-e2b-signature": "z".repeat(64) }],
    ["an empty X-Webhook-Signature", { "x-webhook-signature": "" }],
  ])("answers 401 invalid_signature for %s", async (_name, headers) => {
    const answer = await post(CREATED, headers);

    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(rejection("invalid_signature"));
  });

  it("accepts the previous secret during rotation", async () => {
    configure({
      E2B_WEBHOOK_SECRET: SECRET,
      E2B_WEBHOOK_SECRET_PREVIOUS: PREVIOUS_SECRET,
    });

    expect((await deliver(CREATED, PREVIOUS_SECRET)).status).toBe(200);
  });

  it("accepts the setup guide's HMAC under X-E2B-Signature or X-Webhook-Signature", async () => {
    const kill = recentFixture("legacy/kill.json");

    expect((await post(kill, hmacHeaders(kill))).status).toBe(200);
    configure({ E2B_WEBHOOK_SECRET: SECRET });
    expect(
      (await post(kill, hmacHeaders(kill, "X-Webhook-Signature"))).status,
    ).toBe(200);
  });

  it("does not use up the event id on a rejected delivery", async () => {
    await post(CREATED, { "e2b-signature": signE2b("wrong-secret", CREATED) });

    const answer = await deliver(CREATED);

    expect(answer.body).toMatchObject({ outcome: "applied" });
  });
});

describe("bodies that are not JSON", () => {
  beforeEach(() => configure({ E2B_WEBHOOK_SECRET: SECRET }));

  it.each([
    ["plain text", "sandbox created"],
    ["truncated JSON", CREATED.slice(0, -1)],
    ["an empty body", ""],
    ["100,000 unclosed brackets", "[".repeat(100_000)],
    [
      "invalid UTF-8",
      Buffer.concat([
        Buffer.from('{"sandboxId":"'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}'),
      ]),
    ],
  ])("answers 400 invalid_json for %s", async (_name, payload) => {
    const answer = await deliver(payload);

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(rejection("invalid_json"));
  });

  it("survives 100,000 levels of nesting and keeps answering", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;

    const nested = await deliver(deep);
    const next = await deliver(CREATED);

    expect(nested.status).toBe(400);
    expect(next.status).toBe(200);
  });
});

describe("JSON that is not a lifecycle event", () => {
  beforeEach(() => configure({ E2B_WEBHOOK_SECRET: SECRET }));

  const event = JSON.parse(CREATED) as Record<string, unknown>;
  const variant = (change: Record<string, unknown>) =>
    JSON.stringify({ ...event, ...change });

  it.each([
    ["an array", "[]", "", "the body must be a JSON object"],
    ["a number", "42", "", "the body must be a JSON object"],
    [
      "an empty sandbox_id",
      variant({ sandbox_id: "" }),
      "sandbox_id",
      "must not be empty",
    ],
    [
      "a team id over 256 characters",
      variant({ sandbox_team_id: "t".repeat(257) }),
      "sandbox_team_id",
      "must be at most 256 characters",
    ],
    [
      "a timestamp that is not RFC 3339",
      variant({ timestamp: "20/11/2026" }),
      "timestamp",
      "must be an RFC 3339 timestamp",
    ],
    [
      "neither type nor label",
      variant({ type: "", event_label: "" }),
      "type",
      "a type (or a legacy eventLabel) is required",
    ],
  ])(
    "answers 400 invalid_payload with issues for %s",
    async (_name, payload, path, message) => {
      const answer = await deliver(payload);

      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        ...rejection("invalid_payload"),
        issues: [{ path, message }],
      });
    },
  );

  it("answers 400 invalid_payload for a legacy body without sandboxId", async () => {
    const legacy = JSON.parse(recentFixture("legacy/create.json")) as Record<
      string,
      unknown
    >;
    delete legacy.sandboxId;

    const answer = await deliver(JSON.stringify(legacy));

    expect(answer.body).toMatchObject({
      error: "invalid_payload",
      issues: [{ path: "sandboxId", message: "is required" }],
    });
  });
});

describe("other methods", () => {
  it.each(["GET", "PUT", "PATCH", "DELETE"])(
    "answers %s with 405 and Allow",
    async (method) => {
      const response = await handlers[method]!(
        new Request("http://localhost/api/webhooks/e2b", { method }),
      );

      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("OPTIONS, POST");
      expect(await response.json()).toEqual(rejection("method_not_allowed"));
    },
  );

  it("answers OPTIONS with 204, Allow and no body", async () => {
    const response = await handlers.OPTIONS!(
      new Request("http://localhost/api/webhooks/e2b", { method: "OPTIONS" }),
    );

    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe("OPTIONS, POST");
    expect(await response.text()).toBe("");
  });
});
