import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureProductionBuild } from "../support/production-build";
import {
  freePort,
  startServer,
  type RunningServer,
} from "../support/server-process";

const TOKEN = "dashboard-store-down-token-0123456789abcdef";

describe("the dashboard while Redis is unreachable", () => {
  let server: RunningServer;

  beforeAll(async () => {
    const closedPort = await freePort();
    server = await startServer({
      dir: ensureProductionBuild(),
      env: {
        E2B_WEBHOOK_SECRET: "dashboard-store-down-secret-0123456789abcdef",
        WEBHOOK_ADMIN_TOKEN: TOKEN,
        REDIS_URL: `redis://127.0.0.1:${closedPort}`,
        WEBHOOK_REDIS_TIMEOUT_MS: "200",
        E2B_RECONCILE_INTERVAL_SECONDS: "0",
      },
    });
  }, 300_000);
  afterAll(async () => server?.stop());

  it("shows that the registry is unavailable instead of failing the page", async () => {
    const signIn = await fetch(`${server.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: TOKEN }),
    });
    const cookie = signIn.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect(signIn.status).toBe(200);

    const page = await fetch(server.url, { headers: { cookie } });
    const html = await page.text();

    expect(page.status, server.output()).toBe(200);
    expect(html).toContain("The registry is unavailable");
  });
});
