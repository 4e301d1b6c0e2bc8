import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeE2bApi, type FakeE2bApi } from "../support/fake-e2b-api";
import { cliProject, runCli } from "./run-cli";

const FILE_SECRET = "f".repeat(64);
const URL = "https://receiver.example.com/api/webhooks/e2b";

let fake: FakeE2bApi;
let project: string;

beforeAll(async () => {
  fake = await startFakeE2bApi();
  project = cliProject();
  writeFileSync(
    join(project, ".env.local"),
    `E2B_API_KEY=${fake.apiKey}\nE2B_WEBHOOK_SECRET=${FILE_SECRET}\n`,
  );
});
afterAll(() => fake.close());

describe("pnpm e2b:webhooks and env files", () => {
  it("reads E2B_API_KEY and E2B_WEBHOOK_SECRET from .env.local, as next dev does", async () => {
    const run = await runCli(
      ["register", "--url", URL],
      { E2B_API_URL: fake.url },
      { project },
    );

    expect(run.code).toBe(0);
    expect(fake.requests.at(-1)?.apiKey).toBe(fake.apiKey);
    expect(fake.webhooks().at(-1)?.signatureSecret).toBe(FILE_SECRET);
  });

  it("lets the process environment win over .env.local", async () => {
    const exported = "e".repeat(64);

    const run = await runCli(
      ["register", "--url", URL],
      { E2B_API_URL: fake.url, E2B_WEBHOOK_SECRET: exported },
      { project },
    );

    expect(run.code).toBe(0);
    expect(fake.webhooks().at(-1)?.signatureSecret).toBe(exported);
  });

  it("says in --help that .env.local is read", async () => {
    const run = await runCli(["--help"]);

    expect(run.stdout).toContain(".env.local");
  });
});
