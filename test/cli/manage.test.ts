import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeE2bApi, type FakeE2bApi } from "../support/fake-e2b-api";
import { runCli } from "./run-cli";

const SECRET = "s".repeat(40);

let fake: FakeE2bApi;
let env: Record<string, string>;

beforeAll(async () => {
  fake = await startFakeE2bApi();
  env = {
    E2B_API_KEY: fake.apiKey,
    E2B_API_URL: fake.url,
    E2B_WEBHOOK_SECRET: SECRET,
  };
});
afterAll(() => fake.close());

async function registered(name: string): Promise<string> {
  const run = await runCli(
    [
      "register",
      "--url",
      `https://${name}.example.com/api/webhooks/e2b`,
      "--name",
      name,
      "--json",
    ],
    env,
  );
  return (JSON.parse(run.stdout) as { id: string }).id;
}

describe("pnpm e2b:webhooks list, show, update and delete", () => {
  it("says so when the team has no webhook yet", async () => {
    const run = await runCli(["list"], env);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain("No webhooks registered");
  });

  it("lists webhooks as a table, and as JSON with --json", async () => {
    const id = await registered("listed");

    const table = await runCli(["list"], env);
    const asJson = await runCli(["list", "--json"], env);

    expect(table.code).toBe(0);
    const [header, ...rows] = table.stdout.trimEnd().split("\n");
    expect(header).toMatch(/^ID\s+NAME\s+ENABLED\s+EVENTS\s+URL$/);
    expect(rows.some((r) => r.startsWith(id) && r.includes("listed"))).toBe(
      true,
    );
    expect(JSON.parse(asJson.stdout)).toContainEqual(
      expect.objectContaining({ id, name: "listed" }),
    );
  });

  it("shows one webhook", async () => {
    const id = await registered("shown");

    const run = await runCli(["show", id], env);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/name\s+shown/);
    expect(run.stdout).toMatch(/enabled\s+yes/);
  });

  it("updates only what it is given", async () => {
    const id = await registered("before");

    const run = await runCli(
      ["update", id, "--name", "after", "--disable"],
      env,
    );

    expect(run.code).toBe(0);
    const webhook = fake.webhooks().find((w) => w.id === id);
    expect(webhook).toMatchObject({ name: "after", enabled: false });
    expect(webhook?.url).toBe("https://before.example.com/api/webhooks/e2b");
    expect(fake.requests.at(-1)?.body).toEqual({
      name: "after",
      enabled: false,
    });
  });

  it("rotates the secret to E2B_WEBHOOK_SECRET with --rotate-secret", async () => {
    const id = await registered("rotated");
    const next = "n".repeat(32);

    const run = await runCli(["update", id, "--rotate-secret"], {
      ...env,
      E2B_WEBHOOK_SECRET: next,
    });

    expect(run.code).toBe(0);
    expect(fake.webhooks().find((w) => w.id === id)?.signatureSecret).toBe(
      next,
    );
  });

  it("refuses an update with nothing to change", async () => {
    const id = await registered("unchanged");

    const run = await runCli(["update", id], env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("at least one change");
  });

  it("refuses an unknown event name in an update, without calling E2B", async () => {
    const id = await registered("typo");
    const before = fake.requests.length;

    const run = await runCli(["update", id, "--events", "nope"], env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown event type "nope"');
    expect(fake.requests.length).toBe(before);
    expect(fake.webhooks().find((w) => w.id === id)?.events).toHaveLength(6);
  });

  it("refuses --enable together with --disable", async () => {
    const run = await runCli(["update", "any", "--enable", "--disable"], env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("contradict");
  });

  it("deletes a webhook, then reports it as unknown", async () => {
    const id = await registered("deleted");

    const first = await runCli(["delete", id], env);
    const second = await runCli(["delete", id], env);

    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Deleted webhook ${id}`);
    expect(fake.webhooks().some((w) => w.id === id)).toBe(false);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("not_found");
  });

  it("needs the id for show", async () => {
    const run = await runCli(["show"], env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("show needs ID");
  });
});
