import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeE2bApi, type FakeE2bApi } from "../support/fake-e2b-api";
import { runCli } from "./run-cli";

const HOST = "https://receiver.example.com";
const URL = `${HOST}/api/webhooks/e2b`;

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
  const run = await runCli(["register", "--url", URL, "--json"], env);
  id = (JSON.parse(run.stdout) as { id: string }).id;
});
afterAll(() => fake.close());

/** Runs the CLI and checks that E2B was not called. */
async function refused(args: string[]) {
  const before = fake.requests.length;
  const run = await runCli(args, env);
  expect(fake.requests.length).toBe(before);
  return run;
}

// `update` needs the id, known only once `beforeAll` has run.
describe.each([
  ["register", () => ["register"]],
  ["update", () => ["update", id]],
])("pnpm e2b:webhooks %s --url", (_, command) => {
  const args = (...rest: string[]) => [...command(), ...rest];

  it("refuses a trailing slash, which the receiver answers with a 308, and names the URL to use", async () => {
    const run = await refused(args("--url", `${URL}/`));

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--url ${URL}/ ends with "/"`);
    expect(run.stderr).toContain(`redirects it (308) to ${URL}`);
    expect(run.stderr).toContain(`Use that URL (--url=${URL}).`);
  });

  it("refuses a URL without the webhook path, naming the one to use", async () => {
    const run = await refused(args("--url", `${HOST}/`, "--json"));

    expect(run.code).toBe(2);
    const { error } = JSON.parse(run.stderr) as {
      error: { code: string; message: string };
    };
    expect(error.code).toBe("unexpected_webhook_path");
    expect(error.message).toContain(`--url=${URL}`);
    expect(error.message).toContain("--allow-other-path");
  });

  it("accepts another path with --allow-other-path", async () => {
    const other = `${HOST}/hooks/e2b`;

    const run = await runCli(
      args("--url", other, "--allow-other-path", "--json"),
      env,
    );

    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(fake.requests.at(-1)?.body).toMatchObject({ url: other });
  });

  it("accepts the webhook path behind a proxy's prefix", async () => {
    const prefixed = `${HOST}/receiver/api/webhooks/e2b`;

    const run = await runCli(args("--url", prefixed), env);

    expect(run.code).toBe(0);
    expect(fake.requests.at(-1)?.body).toMatchObject({ url: prefixed });
  });

  it.each([[""], ["   "]])(
    'refuses --name "%s" as a usage error',
    async (name) => {
      const run = await refused(args("--url", URL, "--name", name));

      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--name is blank");
    },
  );
});
