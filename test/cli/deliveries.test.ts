import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeE2bApi, type FakeE2bApi } from "../support/fake-e2b-api";
import { runCli } from "./run-cli";

let fake: FakeE2bApi;
let env: Record<string, string>;
let id: string;

beforeAll(async () => {
  fake = await startFakeE2bApi();
  env = {
    E2B_API_KEY: fake.apiKey,
    E2B_API_URL: fake.url,
    E2B_WEBHOOK_SECRET: "s".repeat(32),
  };
  const run = await runCli(
    ["register", "--url", "https://r.example.com/api/webhooks/e2b", "--json"],
    env,
  );
  id = (JSON.parse(run.stdout) as { id: string }).id;
  fake.addDeliveries(
    id,
    {
      timestamp: "2026-11-20T10:00:00Z",
      eventType: "sandbox.lifecycle.created",
      sandboxId: "iaaaaaaaaaaaaaaaaaaaa",
    },
    {
      timestamp: "2026-11-20T10:05:00Z",
      eventType: "sandbox.lifecycle.killed",
      sandboxId: "ibbbbbbbbbbbbbbbbbbbb",
      status: "failed",
      responseHttpStatusCode: 401,
      errorClass: "http_status",
      errorMessage: "receiver answered 401",
    },
    {
      timestamp: "2026-11-20T10:10:00Z",
      eventType: "sandbox.lifecycle.paused",
      sandboxId: "icccccccccccccccccccc",
    },
  );
});
afterAll(() => fake.close());

describe("pnpm e2b:webhooks deliveries", () => {
  it("shows attempts newest first with status, HTTP code and error", async () => {
    const run = await runCli(["deliveries", id], env);

    expect(run.code).toBe(0);
    const [header, ...rows] = run.stdout.trimEnd().split("\n");
    expect(header).toMatch(/^TIME\s+EVENT\s+SANDBOX\s+STATUS\s+HTTP\s+ERROR$/);
    expect(rows.map((r) => r.split(/\s+/)[1])).toEqual([
      "paused",
      "killed",
      "created",
    ]);
    expect(rows[1]).toMatch(
      /failed\s+401\s+http_status: receiver answered 401$/,
    ); // E2B documents no default order; the fake's is oldest first.
    expect(fake.requests.at(-1)?.query.get("orderAsc")).toBe("false");
  });

  it("asks E2B for failed attempts only with --failed", async () => {
    const run = await runCli(["deliveries", id, "--failed"], env);

    expect(run.code).toBe(0);
    expect(fake.requests.at(-1)?.query.get("deliveryStatus")).toBe("failed");
    const rows = run.stdout.trimEnd().split("\n").slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("ibbbbbbbbbbbbbbbbbbbb");
  });

  it("pages with --limit and prints how to get the next page", async () => {
    const first = await runCli(["deliveries", id, "--limit", "2"], env);
    const cursor = /--cursor (\S+)/.exec(first.stdout)?.[1] ?? "";
    const second = await runCli(
      ["deliveries", id, "--limit", "2", "--cursor", cursor],
      env,
    );

    expect(
      first.stdout.split("\n").filter((l) => l.startsWith("2026")),
    ).toHaveLength(2);
    expect(cursor).not.toBe("");
    expect(second.stdout).toContain("created");
    expect(second.stdout).not.toContain("--cursor");
  });

  it("prints E2B's page as JSON with --json", async () => {
    const run = await runCli(["deliveries", id, "--json"], env);

    const page = JSON.parse(run.stdout) as { data: unknown[] };
    expect(page.data).toHaveLength(3);
  });

  it("refuses a limit outside 1 to 100", async () => {
    const run = await runCli(["deliveries", id, "--limit", "0"], env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "--limit must be a whole number from 1 to 100",
    );
  });

  it("says so when a webhook has no failed attempt", async () => {
    const other = await runCli(
      ["register", "--url", "https://q.example.com/api/webhooks/e2b", "--json"],
      env,
    );
    const otherId = (JSON.parse(other.stdout) as { id: string }).id;

    const run = await runCli(["deliveries", otherId, "--failed"], env);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain("No failed delivery attempts");
  });
});
