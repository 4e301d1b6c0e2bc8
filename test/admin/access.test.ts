import { afterEach, describe, expect, it } from "vitest";
import { GET as getDeliveries } from "@/app/api/deliveries/route";
import { GET as getEvents } from "@/app/api/events/route";
import { GET as getMetrics } from "@/app/api/metrics/route";
import { GET as getSandbox } from "@/app/api/sandboxes/[id]/route";
import { GET as getSandboxes } from "@/app/api/sandboxes/route";
import { createSession } from "@/lib/admin/session";
import { SESSION_COOKIE } from "@/lib/admin/session-cookie";
import { TOKEN } from "./support/deliveries";
import { configure, restore } from "./support/environment";
import { adminGet, json } from "./support/requests";

const params = { params: Promise.resolve({ id: "isandbox0000000000001" }) };
const ROUTES: [string, (request: Request) => Promise<Response>][] = [
  ["/api/sandboxes", getSandboxes],
  ["/api/sandboxes/isandbox0000000000001", (r) => getSandbox(r, params)],
  ["/api/deliveries", getDeliveries],
  ["/api/metrics", getMetrics],
  ["/api/events", getEvents],
];

function sessionCookie(token: string, nowMs = Date.now()): string {
  return `${SESSION_COOKIE}=${createSession(token, nowMs).value}`;
}

afterEach(restore);

describe.each(ROUTES)("GET %s", (path, handler) => {
  it("answers 403 admin_disabled when no admin token is configured", async () => {
    configure({ WEBHOOK_ADMIN_TOKEN: undefined });

    const response = await handler(adminGet(path));

    expect(response.status).toBe(403);
    expect(await json(response)).toMatchObject({
      success: false,
      error: "admin_disabled",
    });
  });

  it("answers 403 admin_disabled when the admin token is blank", async () => {
    configure({ WEBHOOK_ADMIN_TOKEN: "   " });

    const response = await handler(adminGet(path, { token: "   " }));

    expect(response.status).toBe(403);
  });

  it("answers 401 unauthorized without an Authorization header", async () => {
    configure();

    const response = await handler(adminGet(path, { token: null }));

    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(await json(response)).toMatchObject({ error: "unauthorized" });
  });

  it("answers 401 unauthorized for a wrong Bearer token", async () => {
    configure();

    const response = await handler(adminGet(path, { token: `${TOKEN}x` }));

    expect(response.status).toBe(401);
  });

  it("answers 200 with the right Bearer token", async () => {
    configure();

    const response = await handler(adminGet(path));
    await response.body?.cancel();

    expect([200, 404]).toContain(response.status);
  });

  it("answers 200 with a live session cookie and no Bearer token", async () => {
    configure();

    const cookie = sessionCookie(TOKEN);
    const response = await handler(adminGet(path, { token: null, cookie }));
    await response.body?.cancel();

    expect([200, 404]).toContain(response.status);
  });
});

describe("admin authentication", () => {
  it("refuses the right token sent with the Basic scheme", async () => {
    configure();

    const request = new Request("http://localhost/api/sandboxes", {
      headers: { authorization: `Basic ${TOKEN}` },
    });

    expect((await getSandboxes(request)).status).toBe(401);
  });

  it("refuses a session signed with a previous admin token", async () => {
    configure();

    const cookie = sessionCookie("the-token-before-rotation-0123456789");
    const response = await getSandboxes(
      adminGet("/api/sandboxes", { token: null, cookie }),
    );

    expect(response.status).toBe(401);
  });

  it("refuses an expired session", async () => {
    configure();

    const cookie = sessionCookie(TOKEN, Date.now() - 24 * 3600_000);
    const response = await getSandboxes(
      adminGet("/api/sandboxes", { token: null, cookie }),
    );

    expect(response.status).toBe(401);
  });

  it("accepts a live session even when a wrong Bearer token is sent", async () => {
    configure();

    const cookie = sessionCookie(TOKEN);
    const response = await getSandboxes(
      adminGet("/api/sandboxes", { token: "wrong", cookie }),
    );

    expect(response.status).toBe(200);
  });
});
