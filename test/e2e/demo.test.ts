import { beforeAll, describe, expect, it } from "vitest";
import { ensureProductionBuild } from "../support/production-build";
import { runScript, spawnScript, type ScriptRun } from "./run-script";

/** The delivery line for a sandbox's event, as the demo printed it. */
function line(run: ScriptRun, name: string, event: string, note = ""): string {
  return (
    run.stdout
      .split("\n")
      .find(
        (l) =>
          new RegExp(`\\s${name}\\s+${event}\\s`).test(l) && l.includes(note),
      ) ?? `(no line for ${name} ${event} ${note})`
  );
}

describe("pnpm demo", () => {
  let run: ScriptRun;

  beforeAll(async () => {
    ensureProductionBuild();
    run = await runScript("scripts/demo.ts", []);
  });

  it("exits 0 after stopping its server", () => {
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("The server has stopped.");
    expect(run.code).toBe(0);
  });

  it("prints the receiver's outcome for each kind of delivery", () => {
    expect(line(run, "landing-page", "created")).toMatch(/200 applied/);
    expect(line(run, "landing-page", "updated", "E2B retry")).toMatch(
      /200 duplicate/,
    );
    expect(line(run, "setup-guide-app", "create", "retry")).toMatch(
      /X-E2B-Signature.*200 duplicate/,
    );
    expect(line(run, "landing-page", "updated", "after it")).toMatch(
      /200 stale.*stale \(killed\)/,
    );
    expect(line(run, "preview", "pause", "delayed")).toMatch(/200 stale/);
    expect(line(run, "notebook", "created", "forged")).toMatch(
      /401 invalid_signature/,
    );
  });

  it("prints the dashboard URL and this run's admin token", () => {
    expect(run.stdout).toMatch(/URL\s+http:\/\/127\.0\.0\.1:\d+\/\n/);
    expect(run.stdout).toMatch(/Admin token\s+[\w-]{32,}\n/);
  });

  it("prints the final registry as the server reports it", (context) => {
    if (run.stdout.includes("read API is not available")) {
      context.skip(
        "the server has no GET /api/sandboxes yet (issue 4); the demo said so",
      );
    }

    expect(run.stdout).toMatch(/SANDBOX\s+NAME\s+STATE/);
    expect(run.stdout).toMatch(/data-pipeline\s+paused/);
    expect(run.stdout).toMatch(/preview\s+running/);
    expect(run.stdout).toMatch(/notebook\s+running/);
    expect(run.stdout).toMatch(/killed i\w+\s+landing-page at .*\(timeout\)/);
    expect(run.stdout).not.toMatch(/setup-guide-app\s+(running|paused)/);
  });
});

// Generous cap: the demo starts a server and replays a day (a slow, shared
// machine may take a while); the test waits for output, never for time.
describe("pnpm demo --keep", () => {
  it("keeps the server up until SIGTERM, then stops it", async () => {
    ensureProductionBuild();
    const child = spawnScript("scripts/demo.ts", ["--keep"]);
    let stdout = "";
    const exited = new Promise<number | null>((resolve) =>
      child.once("close", resolve),
    );
    await new Promise<void>((resolve) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes("Press Ctrl+C")) resolve();
      });
      void exited.then(() => resolve());
    });
    const url = /URL\s+(\S+)/.exec(stdout)?.[1] ?? "";

    const whileKept = await fetch(url).then((r) => r.status, String);
    child.kill("SIGTERM");
    const code = await exited;
    const afterStop = await fetch(url).then(
      (r) => r.status,
      () => "down",
    );

    expect(whileKept).toEqual(expect.any(Number));
    expect(code).toBe(0);
    expect(afterStop).toBe("down");
  }, 120_000);
});
