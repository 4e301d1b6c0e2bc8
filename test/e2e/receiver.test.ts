import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureProductionBuild } from "../support/production-build";
import {
  freePort,
  startServer,
  type RunningServer,
} from "../support/server-process";
import { e2bSandbox } from "@/lib/client/e2b-events";
import { sendDelivery } from "@/lib/client/send-delivery";
import { signDelivery } from "@/lib/client/sign-delivery";
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

  it("passes again with --secret=S, with fresh sandboxes", async () => {
    const run = await check(`--secret=${SECRET}`);

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

  it("reports the redirect of a URL with a trailing slash", async () => {
    const run = await runScript("test-e2b-webhook.ts", [
      `--url=${url}/`,
      `--secret=${SECRET}`,
    ]);

    expect(run.stderr.trim()).toBe(
      `The URL redirects (308) to ${url}: use that URL (--url=${url}). Deliveries are never sent on through a redirect.`,
    );
    expect(lastLine(run)).toBe("0 passed, 1 failed");
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

describe("test-e2b-webhook.ts after the failed-verification limit tripped", () => {
  let server: RunningServer;
  let url: string;

  beforeAll(async () => {
    server = await startServer({
      dir: ensureProductionBuild(),
      env: {
        E2B_WEBHOOK_SECRET: SECRET,
        WEBHOOK_FAILED_AUTH_LIMIT_PER_MINUTE: "1",
        LOG_LEVEL: "warn",
      },
    });
    url = `${server.url}/api/webhooks/e2b`;
  });
  afterAll(() => server?.stop());

  it("counts 429 rate_limited as the wrong signature's rejection", async () => {
    const body = e2bSandbox({ startMs: Date.now() }).body("created");
    const forged = signDelivery(body, {
      secret: "not-the-secret",
      scheme: "e2b",
    });
    const tripped = [
      await sendDelivery(url, forged),
      await sendDelivery(url, forged),
    ].map((answer) => answer.reachable && answer.outcome);

    const run = await runScript("test-e2b-webhook.ts", [
      `--url=${url}`,
      `--secret=${SECRET}`,
    ]);

    expect(tripped).toEqual(["invalid_signature", "rate_limited"]);
    expect(run.stdout).toMatch(
      /✓ legacy: a wrong signature is rejected: 429 rate_limited: refused by the receiver's limit on failed verifications/,
    );
    expect(lastLine(run)).toBe(`${CHECKS} passed, 0 failed`);
    expect(run.code).toBe(0);
  });
});
