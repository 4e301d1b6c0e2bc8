import { afterEach, describe, expect, it } from "vitest";
import { DELETE, POST } from "@/app/api/session/route";
import { GET as getSandboxes } from "@/app/api/sandboxes/route";
import { MAX_SIGN_IN_BYTES } from "@/lib/admin/sign-in";
import { TOKEN } from "./support/deliveries";
import { configure, restore } from "./support/environment";
import { adminGet, json } from "./support/requests";

const FORM = { "content-type": "application/x-www-form-urlencoded" };
const JSON_TYPE = { "content-type": "application/json" };

function signIn(
  body: string,
  headers: Record<string, string> = FORM,
  url = "http://localhost:3000/api/session",
): Promise<Response> {
  return POST(new Request(url, { method: "POST", headers, body }));
}

function formBody(token: string): string {
  return new URLSearchParams({ token }).toString();
}

/** `name=value` from a Set-Cookie header, as a browser would send it back. */
function cookiePair(response: Response): string {
  return response.headers.get("set-cookie")?.split(";")[0] ?? "";
}

afterEach(restore);

describe("POST /api/session from the sign-in form", () => {
  it("sets an httpOnly, SameSite=Strict session cookie and redirects to /", async () => {
    configure();

    const response = await signIn(formBody(TOKEN));
    const cookie = response.headers.get("set-cookie") ?? "";

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
    expect(cookie).toMatch(/^e2b_admin_session=v1\./);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toContain("Path=/");
    expect(cookie).not.toContain("Secure");
  });

  it("marks the cookie Secure when the request came over https", async () => {
    configure();

    const response = await signIn(
      formBody(TOKEN),
      FORM,
      "https://receiver.example/api/session",
    );

    expect(response.headers.get("set-cookie")).toContain("Secure");
  });

  it("marks the cookie Secure behind a proxy that terminated https", async () => {
    configure();

    const response = await signIn(formBody(TOKEN), {
      ...FORM,
      "x-forwarded-proto": "https",
    });

    expect(response.headers.get("set-cookie")).toContain("Secure");
  });

  it("gives a cookie that opens the admin API and does not hold the token", async () => {
    configure();

    const cookie = cookiePair(await signIn(formBody(TOKEN)));
    const response = await getSandboxes(
      adminGet("/api/sandboxes", { token: null, cookie }),
    );

    expect(cookie).not.toContain(TOKEN);
    expect(response.status).toBe(200);
  });

  it("redirects to /?sign-in=failed with no cookie for a wrong token", async () => {
    configure();

    const response = await signIn(formBody(`${TOKEN}-wrong`));

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/?sign-in=failed");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("redirects to /?sign-in=invalid for an empty token", async () => {
    configure();

    const response = await signIn(formBody(""));

    expect(response.headers.get("location")).toBe("/?sign-in=invalid");
  });

  it("redirects to / with no cookie when no admin token is configured", async () => {
    configure({ WEBHOOK_ADMIN_TOKEN: undefined });

    const response = await signIn(formBody(TOKEN));

    expect(response.headers.get("location")).toBe("/");
    expect(response.headers.get("set-cookie")).toBeNull();
  });
});

describe("POST /api/session with JSON", () => {
  it("answers 200 with the session's expiry and sets the cookie", async () => {
    configure();

    const response = await signIn(JSON.stringify({ token: TOKEN }), JSON_TYPE);
    const body = await json<{ success: boolean; expiresAt: string }>(response);

    expect(response.status).toBe(200);
    expect(body.success).toBe(true);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    expect(response.headers.get("set-cookie")).toContain("HttpOnly");
  });

  it("answers 401 unauthorized for a wrong token", async () => {
    configure();

    const response = await signIn(
      JSON.stringify({ token: "wrong" }),
      JSON_TYPE,
    );

    expect(response.status).toBe(401);
    expect(await json(response)).toMatchObject({ error: "unauthorized" });
  });

  it("answers 400 invalid_sign_in for a body with no token", async () => {
    configure();

    const response = await signIn(JSON.stringify({ tok: TOKEN }), JSON_TYPE);

    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ error: "invalid_sign_in" });
  });

  it("answers 413 payload_too_large for a body over the sign-in cap", async () => {
    configure();

    const token = "x".repeat(MAX_SIGN_IN_BYTES);
    const response = await signIn(JSON.stringify({ token }), JSON_TYPE);

    expect(response.status).toBe(413);
  });

  it("answers 403 admin_disabled when no admin token is configured", async () => {
    configure({ WEBHOOK_ADMIN_TOKEN: undefined });

    const response = await signIn(JSON.stringify({ token: TOKEN }), JSON_TYPE);

    expect(response.status).toBe(403);
    expect(await json(response)).toMatchObject({ error: "admin_disabled" });
  });
});

describe("DELETE /api/session", () => {
  it("clears the session cookie", async () => {
    configure();

    const response = DELETE(
      new Request("http://localhost/api/session", { method: "DELETE" }),
    );
    const cookie = response.headers.get("set-cookie") ?? "";

    expect(response.status).toBe(200);
    expect(cookie).toMatch(/^e2b_admin_session=;/);
    expect(cookie).toContain("Max-Age=0");
    expect(cookie).toContain("HttpOnly");
  });
});
