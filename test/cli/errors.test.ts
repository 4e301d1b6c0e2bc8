import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/server-process";
import { startFakeE2bApi, type FakeE2bApi } from "../support/fake-e2b-api";
import { runCli } from "./run-cli";

let fake: FakeE2bApi;
let env: Record<string, string>;

beforeAll(async () => {
  fake = await startFakeE2bApi();
  env = { E2B_API_KEY: fake.apiKey, E2B_API_URL: fake.url };
});
afterAll(() => fake.close());

describe("pnpm e2b:webhooks when something is wrong", () => {
  it("prints the commands and exit codes with --help", async () => {
    const run = await runCli(["--help"]);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Exit codes:");
    for (const name of [
      "register",
      "list",
      "show",
      "update",
      "delete",
      "deliveries",
    ]) {
      expect(run.stdout).toMatch(new RegExp(`^  ${name}\\s`, "m"));
    }
  });

  it("prints each command's own help with --help", async () => {
    const names = [
      "register",
      "list",
      "show",
      "update",
      "delete",
      "deliveries",
    ];
    const runs = await Promise.all(names.map((n) => runCli([n, "--help"])));

    runs.forEach((run, i) => {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: pnpm e2b:webhooks ${names[i]}`);
    });
  });

  it("names E2B_API_KEY when it is missing, without calling E2B", async () => {
    const before = fake.requests.length;

    const run = await runCli(["list"], { E2B_API_URL: fake.url });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("E2B_API_KEY is not set");
    expect(fake.requests.length).toBe(before);
  });

  it("refuses an E2B_API_URL that is not http(s)", async () => {
    const run = await runCli(["list"], { ...env, E2B_API_URL: "ftp://x" });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('E2B_API_URL "ftp://x" is not an http(s) URL');
  });

  it("explains a 401 as a refused API key", async () => {
    const run = await runCli(["list"], { ...env, E2B_API_KEY: "e2b_wrong" });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Error (unauthorized): E2B answered 401");
    expect(run.stderr).toContain("check E2B_API_KEY");
  });

  it("explains a 404 and points to list", async () => {
    const run = await runCli(["show", "no-such-webhook"], env);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain("No webhook with id no-such-webhook");
    expect(run.stderr).toContain("pnpm e2b:webhooks list");
  });

  it("prints E2B's own code and message", async () => {
    fake.failNext(1, {
      status: 503,
      body: { code: 503, message: "events store unavailable" },
    });

    const run = await runCli(["list"], env);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "Error (api_error): E2B answered 503: events store unavailable",
    );
  });

  it("reports an unreachable API with exit code 3", async () => {
    const port = await freePort();

    const run = await runCli(["list"], {
      ...env,
      E2B_API_URL: `http://127.0.0.1:${port}`,
    });

    expect(run.code).toBe(3);
    expect(run.stderr).toContain("ECONNREFUSED");
    expect(run.stderr).toContain("Check E2B_API_URL");
  });

  it("prints errors as JSON on stderr with --json", async () => {
    const run = await runCli(["show", "missing", "--json"], env);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(JSON.parse(run.stderr)).toMatchObject({
      error: { code: "not_found", status: 404, e2b: { code: 404 } },
    });
  });

  it("refuses an unknown command", async () => {
    const run = await runCli(["lst"], env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown command "lst"');
  });

  it("refuses an unknown flag", async () => {
    const run = await runCli(["list", "--verbose"], env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--verbose");
  });
});
