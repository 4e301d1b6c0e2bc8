import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureProductionBuild } from "../support/production-build";
import {
  freePort,
  startServer,
  type RunningServer,
} from "../support/server-process";
import { lastLine, runScript } from "./run-script";

const SECRET = "e2e-secret-0123456789-abcdefghijklmnop";
const CHECKS = 13;

describe("test-e2b-webhook.ts against the production server", () => {
  let server: RunningServer;
  let url: string;
  const check = (...args: string[]) =>
    runScript("test-e2b-webhook.ts", ["--url", url, ...args]);

  beforeAll(async () => {
    server = await startServer({
      dir: ensureProductionBuild(),
      env: { E2B_WEBHOOK_SECRET: SECRET, LOG_LEVEL: "warn" },
    });
    url = `${server.url}/api/webhooks/e2b`;
  });
  afterAll(() => server?.stop());

  it("passes every check with the server's secret", async () => {
    const run = await check("--secret", SECRET);

    expect(run.stderr).toBe("");
    expect(lastLine(run)).toBe(`${CHECKS} passed, 0 failed`);
    expect(run.stdout).toContain("✓ e2b: a late event after the kill is stale");
    expect(run.code).toBe(0);
  });

  it("passes again against the same server, with fresh sandboxes", async () => {
    const run = await check("--secret", SECRET);

    expect(lastLine(run)).toBe(`${CHECKS} passed, 0 failed`);
    expect(run.code).toBe(0);
  });

  it("reads the secret from the environment when no flag is given", async () => {
    process.env.E2B_WEBHOOK_SECRET = SECRET;
    try {
      const run = await check();

      expect(lastLine(run)).toBe(`${CHECKS} passed, 0 failed`);
    } finally {
      delete process.env.E2B_WEBHOOK_SECRET;
    }
  });

  it("fails, and says why, with a secret that is not the server's", async () => {
    const run = await check("--secret", `${SECRET}-wrong`);

    expect(lastLine(run)).toMatch(/^1 passed, 12 failed$/);
    expect(run.stderr).toContain("must equal the server's E2B_WEBHOOK_SECRET");
    expect(run.code).toBe(1);
  });

  it("says so when no server answers", async () => {
    const closed = `http://127.0.0.1:${await freePort()}/api/webhooks/e2b`;
    const run = await runScript("test-e2b-webhook.ts", [
      "--url",
      closed,
      "--secret",
      SECRET,
    ]);

    expect(run.stderr).toContain(`Cannot reach ${closed}`);
    expect(lastLine(run)).toBe("0 passed, 1 failed");
    expect(run.code).toBe(1);
  });
});
