import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";

// No E2B and no key: a command line that cannot be read never gets that far.
describe("pnpm e2b:webhooks with an option it cannot read", () => {
  it("names an unknown option and the command's help, once", async () => {
    const run = await runCli(["list", "--bogus"]);

    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      'Error: unknown option --bogus for "list"; see pnpm e2b:webhooks list --help\n',
    );
  });

  it("prints it as the JSON usage error with --json", async () => {
    const run = await runCli(["list", "--bogus", "--json"]);

    expect(run.code).toBe(2);
    expect(JSON.parse(run.stderr)).toEqual({
      error: {
        code: "invalid_option",
        message:
          'unknown option --bogus for "list"; see pnpm e2b:webhooks list --help',
      },
    });
  });

  it.each([
    [["register", "--url"], "--url needs a value"],
    [
      ["register", "--url", "--json"],
      "--url needs a value, but --json follows it",
    ],
    [["list", "--json=yes"], "--json takes no value"],
    [["show", "x", "-q"], 'unknown option -q for "show"'],
  ])("explains %j in its own words", async (args, message) => {
    const run = await runCli(args);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain("parseArgs");
    expect(run.stderr).not.toContain("'");
  });
});
