import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/server-process";
import { startFakeE2bApi, type FakeE2bApi } from "../support/fake-e2b-api";
import { runCli, type CliRun } from "./run-cli";

let fake: FakeE2bApi;
let env: Record<string, string>;

beforeAll(async () => {
  fake = await startFakeE2bApi();
  env = {
    E2B_API_KEY: fake.apiKey,
    E2B_API_URL: fake.url,
    E2B_WEBHOOK_SECRET: "s".repeat(32),
  };
});
afterAll(() => fake.close());

interface JsonError {
  error: { code: string; message: string; [detail: string]: unknown };
}

/** The run's stderr as exactly one JSON line, with nothing on stdout. */
function jsonError(run: CliRun): JsonError["error"] {
  expect(run.stdout).toBe("");
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  const parsed = JSON.parse(lines[0] ?? "") as JsonError;
  expect(Object.keys(parsed)).toEqual(["error"]);
  expect(typeof parsed.error.message).toBe("string");
  return parsed.error;
}

describe("pnpm -s e2b:webhooks … --json when something is wrong", () => {
  it.each([
    ["an unknown command", ["lst", "--json"], "unknown_command", "lst"],
    ["no command", ["--json"], "missing_command", "register"],
    [
      "an unknown flag",
      ["list", "--verbose", "--json"],
      "invalid_option",
      "--verbose",
    ],
    ["a missing argument", ["show", "--json"], "missing_argument", "ID"],
    [
      "a bad option value",
      ["deliveries", "x", "--limit", "0", "--json"],
      "usage_error",
      "--limit",
    ],
  ])(
    "prints %s as one JSON error with exit code 2",
    async (_, args, code, mentioned) => {
      const run = await runCli(args, env);

      expect(run.code).toBe(2);
      const error = jsonError(run);
      expect(error.code).toBe(code);
      expect(error.message).toContain(mentioned);
    },
  );

  it("prints a missing E2B_API_KEY as missing_api_key, without calling E2B", async () => {
    const before = fake.requests.length;

    const run = await runCli(["list", "--json"], { E2B_API_URL: fake.url });

    expect(run.code).toBe(2);
    expect(jsonError(run).code).toBe("missing_api_key");
    expect(fake.requests.length).toBe(before);
  });

  it("prints a bad E2B_API_URL as invalid_api_url", async () => {
    const run = await runCli(["list", "--json"], {
      ...env,
      E2B_API_URL: "ftp://x",
    });

    expect(run.code).toBe(2);
    expect(jsonError(run).code).toBe("invalid_api_url");
  });

  it("prints a missing E2B_WEBHOOK_SECRET as missing_secret", async () => {
    const { E2B_WEBHOOK_SECRET: _secret, ...withoutSecret } = env;

    const run = await runCli(
      ["register", "--url", "https://r.example.com/api/webhooks/e2b", "--json"],
      withoutSecret,
    );

    expect(run.code).toBe(2);
    expect(jsonError(run).code).toBe("missing_secret");
  });

  it("prints a refused API key with E2B's status, a hint and exit code 1", async () => {
    const run = await runCli(["list", "--json"], {
      ...env,
      E2B_API_KEY: "e2b_wrong",
    });

    expect(run.code).toBe(1);
    expect(jsonError(run)).toMatchObject({
      code: "unauthorized",
      status: 401,
      e2b: { code: 401 },
      hint: expect.stringContaining("E2B_API_KEY"),
    });
  });

  it("prints an unreachable API as network_error with exit code 3", async () => {
    const port = await freePort();

    const run = await runCli(["list", "--json"], {
      ...env,
      E2B_API_URL: `http://127.0.0.1:${port}`,
    });

    expect(run.code).toBe(3);
    const error = jsonError(run);
    expect(error.code).toBe("network_error");
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("keeps stdout to the JSON result and stderr empty on success", async () => {
    const run = await runCli(
      ["register", "--url", "https://r.example.com/api/webhooks/e2b", "--json"],
      env,
    );

    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toMatchObject({ enabled: true });
  });
});
