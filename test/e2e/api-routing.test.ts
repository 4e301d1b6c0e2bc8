import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureProductionBuild } from "../support/production-build";
import { startServer, type RunningServer } from "../support/server-process";
import { lastLine, runScript } from "./run-script";

const SECRET = "api-routing-secret-0123456789abcdefghij";
const TOKEN = "api-routing-admin-token-0123456789abcdef";

describe("routing under /api in the production server", () => {
  let server: RunningServer;
  const request = async (method: string, path: string) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}` },
      redirect: "manual",
    });
    const text = await response.text();
    return {
      status: response.status,
      allow: response.headers.get("allow"),
      type: response.headers.get("content-type") ?? "",
      body:
        text && response.headers.get("content-type")?.includes("json")
          ? (JSON.parse(text) as Record<string, unknown>)
          : text,
    };
  };

  beforeAll(async () => {
    server = await startServer({
      dir: ensureProductionBuild(),
      env: {
        E2B_WEBHOOK_SECRET: SECRET,
        WEBHOOK_ADMIN_TOKEN: TOKEN,
        LOG_LEVEL: "warn",
      },
    });
  });
  afterAll(() => server?.stop());

  it.each([
    ["GET", "/api/nothing-here"],
    ["POST", "/api/webhook"],
    ["DELETE", "/api/sandboxes/ialpha0000000000001/extra"],
  ])("answers %s %s with JSON 404 not_found", async (method, path) => {
    const answer = await request(method, path);

    expect(answer.status).toBe(404);
    expect(answer.type).toMatch(/^application\/json/);
    expect(answer.body).toMatchObject({ success: false, error: "not_found" });
  });

  it("still serves the real routes, static and dynamic", async () => {
    const health = await request("GET", "/api/health");
    const sandbox = await request("GET", "/api/sandboxes/ialpha0000000000001");
    const list = await request("GET", "/api/sandboxes");

    expect(health).toMatchObject({ status: 200, body: { status: "ok" } });
    expect(sandbox).toMatchObject({
      status: 404,
      body: { error: "sandbox_not_found" },
    });
    expect(list).toMatchObject({ status: 200, body: { count: 0 } });
  });

  it.each([
    ["GET", "/api/webhooks/e2b", "OPTIONS, POST"],
    ["HEAD", "/api/webhooks/e2b", "OPTIONS, POST"],
    ["GET", "/api/session", "DELETE, OPTIONS, POST"],
    ["POST", "/api/health", "GET, HEAD, OPTIONS"],
    ["PUT", "/api/deliveries", "GET, HEAD, OPTIONS"],
    ["DELETE", "/api/metrics", "GET, HEAD, OPTIONS"],
  ])("answers %s %s with 405 and Allow: %s", async (method, path, allow) => {
    const answer = await request(method, path);

    expect(answer.status).toBe(405);
    expect(answer.allow).toBe(allow);
    if (method !== "HEAD") {
      expect(answer.body).toMatchObject({ error: "method_not_allowed" });
    }
  });

  it("answers OPTIONS with the methods a route accepts", async () => {
    const answer = await request("OPTIONS", "/api/reconcile");

    expect(answer.status).toBe(204);
    expect(answer.allow).toBe("GET, HEAD, OPTIONS, POST");
  });

  it.each(["/api/webhook", "/api/health"])(
    "stops the test sender at %s with the webhook URL to use",
    async (path) => {
      const url = `${server.url}${path}`;
      const run = await runScript("test-e2b-webhook.ts", [
        `--url=${url}`,
        `--secret=${SECRET}`,
      ]);

      expect(run.stderr.trim()).toMatch(
        new RegExp(
          `^${url} is not the receiver's webhook endpoint: it answered 40[45] \\w+\\. Use the webhook path \\(--url=${server.url}/api/webhooks/e2b\\)\\.$`,
        ),
      );
      expect(lastLine(run)).toBe("0 passed, 1 failed");
      expect(run.code).toBe(1);
    },
  );

  it("leaves pages outside /api to Next.js", async () => {
    const answer = await request("GET", "/nothing-here");

    expect(answer.status).toBe(404);
    expect(answer.type).toMatch(/^text\/html/);
  });
});
