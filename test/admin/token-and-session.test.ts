import { describe, expect, it } from "vitest";
import { authorizeAdmin } from "@/lib/admin/authorize";
import {
  createSession,
  SESSION_TTL_MS,
  verifySession,
} from "@/lib/admin/session";
import { isAdminToken } from "@/lib/admin/token";

const TOKEN = "admin-token-unit-0123456789abcdef";
const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);

function headers(values: Record<string, string>): Headers {
  return new Headers(values);
}

describe("isAdminToken", () => {
  it("accepts the token itself", () => {
    expect(isAdminToken(TOKEN, TOKEN)).toBe(true);
  });

  it("refuses a token differing in its last character", () => {
    expect(isAdminToken(TOKEN, `${TOKEN.slice(0, -1)}g`)).toBe(false);
  });

  it("refuses a prefix of the token, without throwing on the length", () => {
    expect(isAdminToken(TOKEN, TOKEN.slice(0, 8))).toBe(false);
  });
});

describe("sessions", () => {
  it("verifies a fresh session and returns its expiry", () => {
    const session = createSession(TOKEN, NOW);

    expect(verifySession(TOKEN, session.value, NOW)).toBe(NOW + SESSION_TTL_MS);
  });

  it("refuses a session at its expiry", () => {
    const session = createSession(TOKEN, NOW);

    expect(
      verifySession(TOKEN, session.value, NOW + SESSION_TTL_MS),
    ).toBeNull();
  });

  it("refuses a session whose expiry was pushed later", () => {
    const session = createSession(TOKEN, NOW);
    const [version, expiry, mac] = session.value.split(".");
    const extended = `${version}.${Number(expiry) + 1}.${mac}`;

    expect(verifySession(TOKEN, extended, NOW)).toBeNull();
  });

  it("refuses a session made with another token", () => {
    const session = createSession(`${TOKEN}-old`, NOW);

    expect(verifySession(TOKEN, session.value, NOW)).toBeNull();
  });

  it.each([
    "",
    "v1",
    "v1.abc.def",
    "v2.1.x",
    "v1.1.x.y",
    "v1.99999999999999.AA",
  ])("refuses the malformed value %j", (value) => {
    expect(verifySession(TOKEN, value, NOW)).toBeNull();
  });
});

describe("authorizeAdmin", () => {
  it("is disabled when no token is configured, whatever is sent", () => {
    const access = authorizeAdmin(
      headers({ authorization: `Bearer ${TOKEN}` }),
      null,
      NOW,
    );

    expect(access).toEqual({ ok: false, error: "admin_disabled" });
  });

  it("accepts the Bearer scheme name in any case", () => {
    const access = authorizeAdmin(
      headers({ authorization: `bearer ${TOKEN}` }),
      TOKEN,
      NOW,
    );

    expect(access).toEqual({ ok: true, via: "bearer", expiresAtMs: null });
  });

  it("reports a session's expiry so live streams can end with it", () => {
    const session = createSession(TOKEN, NOW);
    const access = authorizeAdmin(
      headers({ cookie: `theme=dark; e2b_admin_session=${session.value}` }),
      TOKEN,
      NOW,
    );

    expect(access).toEqual({
      ok: true,
      via: "session",
      expiresAtMs: session.expiresAtMs,
    });
  });

  it("refuses a Bearer header with the token followed by more text", () => {
    const access = authorizeAdmin(
      headers({ authorization: `Bearer ${TOKEN} extra` }),
      TOKEN,
      NOW,
    );

    expect(access).toEqual({ ok: false, error: "unauthorized" });
  });
});
