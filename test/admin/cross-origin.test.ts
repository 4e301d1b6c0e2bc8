import { afterEach, describe, expect, it } from "vitest";
import { POST as reconcileNow } from "@/app/api/reconcile/route";
import { DELETE as signOut, POST as signIn } from "@/app/api/session/route";
import { isCrossOrigin } from "@/lib/admin/cross-origin";
import { createSession } from "@/lib/admin/session";
import { SESSION_COOKIE } from "@/lib/admin/session-cookie";
import { TOKEN } from "./support/deliveries";
import { configure, restore } from "./support/environment";
import { json } from "./support/requests";

const OWN = "http://localhost:3000";
const SIBLING = "http://evil.localhost:3000";
const FORM = { "content-type": "application/x-www-form-urlencoded" };

function post(path: string, headers: Record<string, string>, body?: string) {
  return new Request(`${OWN}${path}`, { method: "POST", headers, body });
}

function cookie(): string {
  return `${SESSION_COOKIE}=${createSession(TOKEN, Date.now()).value}`;
}

afterEach(restore);

describe("isCrossOrigin", () => {
  const check = (headers: Record<string, string>, url = `${OWN}/x`) =>
    isCrossOrigin(new Request(url, { method: "POST", headers }));

  it("passes requests with neither Origin nor Sec-Fetch-Site (scripts)", () => {
    expect(check({})).toBe(false);
  });

  it("passes a browser's request from our own origin", () => {
    expect(check({ origin: OWN, "sec-fetch-site": "same-origin" })).toBe(false);
  });

  it("refuses Sec-Fetch-Site cross-site and same-site", () => {
    expect(check({ "sec-fetch-site": "cross-site" })).toBe(true);
    expect(check({ "sec-fetch-site": "same-site" })).toBe(true);
  });

  it("refuses an Origin of a sibling subdomain, another port or scheme", () => {
    expect(check({ origin: SIBLING })).toBe(true);
    expect(check({ origin: "http://localhost:3001" })).toBe(true);
    expect(check({ origin: "https://localhost:3000" })).toBe(true);
  });

  it("refuses an opaque Origin (null) and an unreadable one", () => {
    expect(check({ origin: "null" })).toBe(true);
    expect(check({ origin: "not a url" })).toBe(true);
  });

  it("takes our origin from the proxy's forwarded host and scheme", () => {
    const forwarded = {
      "x-forwarded-host": "receiver.example",
      "x-forwarded-proto": "https",
    };

    expect(check({ ...forwarded, origin: "https://receiver.example" })).toBe(
      false,
    );
    expect(check({ ...forwarded, origin: "https://a.receiver.example" })).toBe(
      true,
    );
  });

  it("takes our origin from the Host header, in any case, default port or not", () => {
    const url = "http://127.0.0.1:3000/x";

    expect(
      check(
        { host: "Receiver.Example", origin: "http://receiver.example" },
        url,
      ),
    ).toBe(false);
    expect(
      check(
        { host: "receiver.example:80", origin: "http://receiver.example" },
        url,
      ),
    ).toBe(false);
  });
});

describe("POST /api/session from another site", () => {
  it("answers 403 cross_origin and sets no cookie, even with the right token", async () => {
    configure();
    const body = new URLSearchParams({ token: TOKEN }).toString();

    const response = await signIn(
      post("/api/session", { ...FORM, origin: SIBLING }, body),
    );

    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await json(response)).toMatchObject({ error: "cross_origin" });
  });

  it("signs in from our own page", async () => {
    configure();
    const body = new URLSearchParams({ token: TOKEN }).toString();

    const response = await signIn(
      post(
        "/api/session",
        { ...FORM, origin: OWN, "sec-fetch-site": "same-origin" },
        body,
      ),
    );

    expect(response.status).toBe(303);
    expect(response.headers.get("set-cookie")).toMatch(/^e2b_admin_session=/);
  });
});

describe("DELETE /api/session from another site", () => {
  it("answers 403 cross_origin and leaves the cookie alone", async () => {
    configure();

    const response = await signOut(
      new Request(`${OWN}/api/session`, {
        method: "DELETE",
        headers: { cookie: cookie(), "sec-fetch-site": "same-site" },
      }),
    );

    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });
});

// Reconciliation is off here (no E2B_API_KEY): a request let through gets
// 409 reconcile_disabled, one refused for its origin 403 cross_origin.
describe("POST /api/reconcile", () => {
  it("refuses a session cookie sent from another site with 403 cross_origin", async () => {
    configure();

    const response = await reconcileNow(
      post("/api/reconcile", { cookie: cookie(), origin: SIBLING }),
    );

    expect(response.status).toBe(403);
    expect(await json(response)).toMatchObject({ error: "cross_origin" });
  });

  it("lets a session cookie through from our own origin", async () => {
    configure();

    const response = await reconcileNow(
      post("/api/reconcile", { cookie: cookie(), origin: OWN }),
    );

    expect(response.status).toBe(409);
  });

  it("lets a Bearer token through whatever the Origin", async () => {
    configure();

    const response = await reconcileNow(
      post("/api/reconcile", {
        authorization: `Bearer ${TOKEN}`,
        origin: SIBLING,
        "sec-fetch-site": "cross-site",
      }),
    );

    expect(response.status).toBe(409);
  });
});
