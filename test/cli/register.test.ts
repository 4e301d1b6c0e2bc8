import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIFECYCLE_EVENT_TYPES } from "@/lib/events/types";
import { startFakeE2bApi, type FakeE2bApi } from "../support/fake-e2b-api";
import { runCli } from "./run-cli";

const SECRET = "s".repeat(32);
const URL = "https://receiver.example.com/api/webhooks/e2b";

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

describe("pnpm e2b:webhooks register", () => {
  it("registers all six lifecycle types with the secret and prints the new id", async () => {
    const run = await runCli(["register", "--url", URL], env);

    expect(run.code).toBe(0);
    const webhook = fake.webhooks().at(-1);
    expect(webhook).toMatchObject({
      url: URL,
      enabled: true,
      signatureSecret: SECRET,
      events: LIFECYCLE_EVENT_TYPES,
    });
    expect(run.stdout).toContain(`Registered webhook ${webhook?.id}`);
    expect(run.stdout).not.toContain(SECRET);
  });

  it("takes a name, short event names and --disabled", async () => {
    const run = await runCli(
      [
        "register",
        "--url",
        URL,
        "--name",
        "staging",
        "--events",
        "killed,paused",
        "--disabled",
      ],
      env,
    );

    expect(run.code).toBe(0);
    expect(fake.webhooks().at(-1)).toMatchObject({
      name: "staging",
      enabled: false,
      events: ["sandbox.lifecycle.killed", "sandbox.lifecycle.paused"],
    });
  });

  it("accepts full event type names", async () => {
    const run = await runCli(
      ["register", "--url", URL, "--events", "sandbox.lifecycle.resumed"],
      env,
    );

    expect(run.code).toBe(0);
    expect(fake.webhooks().at(-1)?.events).toEqual([
      "sandbox.lifecycle.resumed",
    ]);
  });

  it("refuses an unknown event name, listing the valid ones, without calling E2B", async () => {
    const before = fake.requests.length;

    const run = await runCli(
      ["register", "--url", URL, "--events", "killed,nope"],
      env,
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown event type "nope"');
    expect(run.stderr).toContain(
      "created, updated, paused, resumed, checkpointed, killed",
    );
    expect(fake.requests.length).toBe(before);
  });

  it("prints the created webhook as JSON with --json", async () => {
    const run = await runCli(["register", "--url", URL, "--json"], env);

    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { id: string };
    expect(printed.id).toBe(fake.webhooks().at(-1)?.id);
  });

  it("refuses a secret shorter than 32 characters", async () => {
    const before = fake.requests.length;

    const run = await runCli(["register", "--url", URL], {
      ...env,
      E2B_WEBHOOK_SECRET: "s".repeat(31),
    });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--allow-short-secret");
    expect(fake.requests.length).toBe(before);
  });

  it("accepts a short secret with --allow-short-secret", async () => {
    const run = await runCli(
      ["register", "--url", URL, "--allow-short-secret"],
      { ...env, E2B_WEBHOOK_SECRET: "s".repeat(31) },
    );

    expect(run.code).toBe(0);
    expect(fake.webhooks().at(-1)?.signatureSecret).toBe("s".repeat(31));
  });

  it("refuses to register without E2B_WEBHOOK_SECRET", async () => {
    const { E2B_WEBHOOK_SECRET: _secret, ...withoutSecret } = env;

    const run = await runCli(["register", "--url", URL], withoutSecret);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("E2B_WEBHOOK_SECRET is not set");
    expect(run.stderr).toContain("openssl rand -hex 32");
  });

  it("refuses an http URL", async () => {
    const run = await runCli(
      ["register", "--url", "http://receiver.example.com/api/webhooks/e2b"],
      env,
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--allow-http");
  });

  it("accepts an http URL with --allow-http", async () => {
    const url = "http://127.0.0.1:3000/api/webhooks/e2b";

    const run = await runCli(["register", "--url", url, "--allow-http"], env);

    expect(run.code).toBe(0);
    expect(fake.webhooks().at(-1)?.url).toBe(url);
  });

  it("refuses to run without --url", async () => {
    const run = await runCli(["register"], env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("register needs --url URL");
  });
});
