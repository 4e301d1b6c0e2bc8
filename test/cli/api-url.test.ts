import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/server-process";
import { startFakeE2bApi, type FakeE2bApi } from "../support/fake-e2b-api";
import { runCli } from "./run-cli";

let fake: FakeE2bApi;

beforeAll(async () => {
  fake = await startFakeE2bApi();
});
afterAll(() => fake.close());

describe("pnpm e2b:webhooks and E2B_API_URL in messages", () => {
  it("names the base URL with its path when E2B does not answer in time", async () => {
    fake.failNext(1, { hang: true });
    const base = `${fake.url}/slow`;

    const run = await runCli(["list"], {
      E2B_API_KEY: fake.apiKey,
      E2B_API_URL: base,
    });

    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      `Error (timeout): E2B at ${base} did not answer within 15000 ms`,
    );
  }, 40_000);

  it("names the base URL with its path when E2B cannot be reached", async () => {
    const base = `http://127.0.0.1:${await freePort()}/proxy/e2b`;

    const run = await runCli(["list"], {
      E2B_API_KEY: "e2b_key",
      E2B_API_URL: base,
    });

    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`Could not reach E2B at ${base}: `);
  });

  it("refuses a user name and password in the URL without printing them", async () => {
    const run = await runCli(["list", "--json"], {
      E2B_API_KEY: "e2b_key",
      E2B_API_URL: "https://proxy-user:hunter2@proxy.example.com/e2b",
    });

    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain("hunter2");
    expect(JSON.parse(run.stderr)).toMatchObject({
      error: {
        code: "invalid_api_url",
        message: expect.stringContaining("https://proxy.example.com/e2b"),
      },
    });
  });
});
