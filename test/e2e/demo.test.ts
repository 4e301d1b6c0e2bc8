import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ensureProductionBuild } from "../../scripts/support/production-build";
import { lastLine, runScript, spawnScript, type ScriptRun } from "./run-script";

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
      /200 stale.*is stale: the sandbox was already killed/,
    );
    expect(line(run, "preview", "pause", "delayed")).toMatch(
      /200 stale.*is stale: a newer event for this sandbox was already applied/,
    );
    expect(line(run, "notebook", "created", "forged")).toMatch(
      /401 invalid_signature/,
    );
  });

  it("prints no dashboard address or token for the server it stopped", () => {
    expect(run.stdout).not.toMatch(/Admin token|Secret|Send more/);
    expect(lastLine(run)).toBe(
      "The server has stopped. To open the dashboard, keep it up with `pnpm demo --keep`.",
    );
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

describe("pnpm demo --help", () => {
  it("prints its usage and exits 0", async () => {
    const run = await runScript("scripts/demo.ts", ["--help"]);

    expect(run.stdout).toMatch(/^Usage: pnpm demo \[--keep\] \[--port N\]/);
    expect(run.stdout).toContain("--keep");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("points to it after an unknown option, exiting 2", async () => {
    const run = await runScript("scripts/demo.ts", ["--kept"]);

    expect(run.stderr).toBe(
      "Unknown option '--kept'\nRun `pnpm demo --help` for the options.\n",
    );
    expect(run.code).toBe(2);
  });
});

describe("pnpm demo --port on a port another program uses", () => {
  let other: Server;
  let port: number;
  let requests = 0;

  beforeAll(async () => {
    other = createServer((_request, response) => {
      requests += 1;
      response.writeHead(200, { "content-type": "text/html" }).end("<p>hi");
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    port = (other.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => other.close(resolve)));

  it("refuses to start, sending the other program nothing", async () => {
    const run = await runScript("scripts/demo.ts", ["--port", String(port)]);

    expect(run.stderr).toContain(
      `Port ${port} is already in use by another program, so the demo did not start.`,
    );
    expect(run.stdout).not.toContain("A day of deliveries");
    expect(requests).toBe(0);
    expect(run.code).toBe(1);
  });
});

const listAnswer = z.object({
  sandboxes: z.array(z.object({ sandboxId: z.string() })),
});

/** The sandbox ids of the registry table the demo printed, sorted. */
function printedSandboxIds(stdout: string): string[] {
  const rows = stdout.matchAll(/^(i\w+)\s+\S+\s+(running|paused)\s/gm);
  return [...rows].map(([, id = ""]) => id).sort();
}

/** What the server answers to the admin token the demo printed. */
async function useAdminToken(baseUrl: string, token: string) {
  const signIn = await fetch(`${baseUrl}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token }).toString(),
    redirect: "manual",
  });
  const list = await fetch(`${baseUrl}/api/sandboxes`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = listAnswer.parse(await list.json());

  return {
    signIn: {
      status: signIn.status,
      location: signIn.headers.get("location"),
      cookie: signIn.headers.get("set-cookie") ?? "",
    },
    listStatus: list.status,
    listed: body.sandboxes.map((s) => s.sandboxId).sort(),
  };
}

// Generous cap: the demo starts a server and replays a day (a slow, shared
// machine may take a while); the test waits for output, never for time.
describe("pnpm demo --keep", () => {
  it("prints a dashboard URL, an admin token and a send-more command that work, until Ctrl+C", async () => {
    ensureProductionBuild();
    const child = spawnScript("scripts/demo.ts", ["--keep"], {
      detached: true,
    });
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
    const token = /Admin token\s+([0-9a-f]{48})\n/.exec(stdout)?.[1] ?? "";
    const sendMore = /Send more: pnpm tsx test-e2b-webhook\.ts (.*)\n/.exec(
      stdout,
    )?.[1];

    const whileKept = await fetch(url).then((r) => r.status, String);
    const admin = await useAdminToken(new URL(url).origin, token);
    const sent = await runScript(
      "test-e2b-webhook.ts",
      sendMore?.split(" ") ?? [],
    );
    // Ctrl+C as a terminal sends it: to the whole process group, so tsx
    // relays a second copy to the demo while the demo stops its server.
    process.kill(-(child.pid ?? 0), "SIGINT");
    const code = await exited;
    const afterStop = await fetch(url).then(
      (r) => r.status,
      () => "down",
    );

    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect(whileKept).toBe(200);
    expect(admin.signIn).toMatchObject({ status: 303, location: "/" });
    expect(admin.signIn.cookie).toMatch(/^e2b_admin_session=v1\./);
    expect(admin.listStatus).toBe(200);
    expect(admin.listed).toEqual(printedSandboxIds(stdout));
    expect(admin.listed.length).toBeGreaterThanOrEqual(3);
    expect(sendMore).toMatch(/^--url=http:\S+ --secret=[0-9a-f]{64}$/);
    expect(lastLine(sent)).toBe("13 passed, 0 failed");
    expect(code).toBe(0);
    expect(afterStop).toBe("down");
  }, 120_000);
});
