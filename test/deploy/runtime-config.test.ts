import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ensureProductionBuild,
  ROOT,
} from "../../scripts/support/production-build";
import {
  startServer,
  type RunningServer,
} from "../../scripts/support/server-process";
import { deliverCreated } from "./support/deliver";
import { filesContaining } from "./support/find-in-files";
import { assembleImageDirectory } from "./support/image-directory";
import { runProcess } from "./support/run-process";

// Long and random, so that finding one under .next/ can only mean it leaked.
const S1 = `s1-${randomBytes(24).toString("hex")}`;
const S2 = `s2-${randomBytes(24).toString("hex")}`;

// One build, made with no secret in the environment, then run twice.
describe("configuration read at run time, not at build time", () => {
  let workspace: string;
  let imageDir: string;

  beforeAll(() => {
    ensureProductionBuild();
    workspace = mkdtempSync(join(tmpdir(), "e2b-runtime-config-"));
    imageDir = join(workspace, "app");
    assembleImageDirectory(imageDir);
  });

  afterAll(() => {
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  async function statusesWith(secret: string) {
    const server = await startServer({
      dir: imageDir,
      env: { E2B_WEBHOOK_SECRET: secret, LOG_LEVEL: "warn" },
    });
    try {
      const own = await deliverCreated(server.url, secret);
      const other = await deliverCreated(server.url, secret === S1 ? S2 : S1);
      return { own: own.status, other: other.status };
    } finally {
      await server.stop();
    }
  }

  it("accepts s1 and refuses s2 when started with E2B_WEBHOOK_SECRET=s1", async () => {
    expect(await statusesWith(S1)).toEqual({ own: 200, other: 401 });
  });

  it("accepts s2 and refuses s1 once restarted with E2B_WEBHOOK_SECRET=s2", async () => {
    expect(await statusesWith(S2)).toEqual({ own: 200, other: 401 });
  });

  it("never writes either secret anywhere under .next/", () => {
    const buildOutput = join(ROOT, ".next");

    // The bundles do read the variable by name: the walk does see them.
    expect(filesContaining(buildOutput, ["E2B_WEBHOOK_SECRET"])).not.toEqual(
      [],
    );
    expect(filesContaining(buildOutput, [S1, S2])).toEqual([]);
    expect(filesContaining(imageDir, [S1, S2])).toEqual([]);
  });

  it("stops start-up on a non-numeric WEBHOOK_MAX_BODY_BYTES, naming it", async () => {
    const run = await runProcess(process.execPath, ["server.js"], {
      cwd: imageDir,
      env: {
        NODE_ENV: "production",
        HOSTNAME: "127.0.0.1",
        PORT: "0",
        E2B_WEBHOOK_SECRET: S1,
        WEBHOOK_MAX_BODY_BYTES: "lots",
      },
      timeoutMs: 30_000,
    });

    expect(run.code).toBe(1);
    expect(run.output).toMatch(
      /\[e2b-webhook\] +WEBHOOK_MAX_BODY_BYTES: expected a whole number/,
    );
  });

  it("warns about a short secret once, at start-up, before any request", async () => {
    const server = await startServer({
      dir: imageDir,
      env: { E2B_WEBHOOK_SECRET: "short-secret" },
      readyPath: "/api/health",
    });
    try {
      // Only the readiness probe's OPTIONS has reached the server, and Next.js
      // answers that itself: the warning can only come from start-up.
      const warned = await outputMatches(server, /shorter than 32 characters/);
      await fetch(`${server.url}/api/health`);
      await deliverCreated(server.url, "short-secret");
      const warnings = server.output().match(/shorter than 32 characters/g);

      expect(warned).toBe(true);
      expect(warnings).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });
});

async function outputMatches(
  server: RunningServer,
  pattern: RegExp,
): Promise<boolean> {
  for (let tries = 0; tries < 50; tries += 1) {
    if (pattern.test(server.output())) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
