import { afterEach, describe, expect, it } from "vitest";
import { POST as reconcileNow } from "@/app/api/reconcile/route";
import { GET as getSandboxes } from "@/app/api/sandboxes/route";
import { POST as signIn } from "@/app/api/session/route";
import { POST as receive } from "@/app/api/webhooks/e2b/route";
import { deliveryHeaders, eventBody, TOKEN } from "./support/deliveries";
import { configure, restore } from "./support/environment";
import { json } from "./support/requests";

const ORIGIN = "http://localhost:3000";
const LIMIT = 3;

// The proxy's X-Forwarded-For names each test client: in-process requests
// have no socket address of their own.
function limitedTo(limit: number | "off" = LIMIT) {
  configure({
    WEBHOOK_FAILED_AUTH_LIMIT_PER_MINUTE: limit === "off" ? "0" : `${limit}`,
    WEBHOOK_TRUST_PROXY: "true",
  });
}

function listWith(token: string | null, address = "198.51.100.7") {
  const headers: Record<string, string> = { "x-forwarded-for": address };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return getSandboxes(new Request(`${ORIGIN}/api/sandboxes`, { headers }));
}

function signInWith(token: string, form = false) {
  const headers = {
    "x-forwarded-for": "198.51.100.7",
    "content-type": form
      ? "application/x-www-form-urlencoded"
      : "application/json",
  };
  const body = form
    ? new URLSearchParams({ token }).toString()
    : JSON.stringify({ token });
  return signIn(
    new Request(`${ORIGIN}/api/session`, { method: "POST", headers, body }),
  );
}

async function failTimes(count: number, attempt: () => Promise<Response>) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) statuses.push((await attempt()).status);
  return statuses;
}

afterEach(restore);

describe("wrong Bearer tokens on the admin API", () => {
  it("answer 401 up to the limit, then 429 rate_limited with Retry-After", async () => {
    limitedTo();

    const statuses = await failTimes(LIMIT, () => listWith("wrong"));
    const refused = await listWith("wrong");

    expect(statuses).toEqual([401, 401, 401]);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await json(refused)).toMatchObject({ error: "rate_limited" });
  });

  it("never keep the right token out, even past the limit", async () => {
    limitedTo();
    await failTimes(LIMIT + 2, () => listWith("wrong"));

    expect((await listWith(TOKEN)).status).toBe(200);
  });

  it("count per address: another client is still answered 401", async () => {
    limitedTo();
    await failTimes(LIMIT + 1, () => listWith("wrong"));

    expect((await listWith("wrong", "203.0.113.9")).status).toBe(401);
  });

  it("count only requests that presented a token", async () => {
    limitedTo();
    await failTimes(LIMIT + 1, () => listWith(null));

    expect((await listWith("wrong")).status).toBe(401);
  });

  it("share the count with failed webhook signatures from the address", async () => {
    limitedTo();
    const body = eventBody("created", "ilimitshared000000001");
    const forged = {
      ...deliveryHeaders(body, "not-the-webhook-secret-0123456789abcdef"),
      "x-forwarded-for": "198.51.100.7",
    };
    await failTimes(LIMIT, () =>
      receive(
        new Request(`${ORIGIN}/api/webhooks/e2b`, {
          method: "POST",
          headers: forged,
          body,
        }),
      ),
    );

    expect((await listWith("wrong")).status).toBe(429);
  });

  it("are refused 401 as before when the limit is off", async () => {
    limitedTo("off");

    const statuses = await failTimes(LIMIT + 2, () => listWith("wrong"));

    expect(new Set(statuses)).toEqual(new Set([401]));
  });

  it("on POST /api/reconcile count the same way", async () => {
    limitedTo();
    await failTimes(LIMIT, () => listWith("wrong"));

    const response = await reconcileNow(
      new Request(`${ORIGIN}/api/reconcile`, {
        method: "POST",
        headers: {
          authorization: "Bearer wrong",
          "x-forwarded-for": "198.51.100.7",
        },
      }),
    );

    expect(response.status).toBe(429);
  });
});

describe("wrong tokens posted to /api/session", () => {
  it("answer 401 up to the limit, then 429 rate_limited with Retry-After", async () => {
    limitedTo();

    const statuses = await failTimes(LIMIT, () => signInWith("wrong"));
    const refused = await signInWith("wrong");

    expect(statuses).toEqual([401, 401, 401]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
    expect(await json(refused)).toMatchObject({ error: "rate_limited" });
  });

  it("from the form are redirected, then refused with 429 past the limit", async () => {
    limitedTo();

    const statuses = await failTimes(LIMIT, () => signInWith("wrong", true));
    const refused = await signInWith("wrong", true);

    expect(statuses).toEqual([303, 303, 303]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("set-cookie")).toBeNull();
  });

  it("never keep the right token from signing in, even past the limit", async () => {
    limitedTo();
    await failTimes(LIMIT + 2, () => signInWith("wrong"));

    const response = await signInWith(TOKEN);

    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/^e2b_admin_session=/);
  });

  it("count against the same limit as wrong Bearer tokens", async () => {
    limitedTo();
    await failTimes(LIMIT, () => listWith("wrong"));

    expect((await signInWith("wrong")).status).toBe(429);
  });
});
