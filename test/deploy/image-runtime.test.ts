import { randomBytes } from "node:crypto";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ensureProductionBuild,
  ROOT,
} from "../../scripts/support/production-build";
import {
  freePort,
  startServer,
  type RunningServer,
} from "../../scripts/support/server-process";
import { healthCheckCommand, runtimeStage } from "./support/dockerfile";
import { readEnvFile, writeDockerEnvFile } from "./support/env-file";
import {
  assembleImageDirectory,
  imageEnvironment,
} from "./support/image-directory";
import { runProcess } from "./support/run-process";

// No Docker engine here: the runtime stage's COPYs are carried out on this
// machine, and the server starts with the container's environment (the
// image's ENV, then compose's env_file), the only change being a free port
// instead of 3000 (Docker maps the port; this machine cannot).
describe("the Docker image's runtime, assembled without Docker", () => {
  const secret = randomBytes(32).toString("hex");
  let workspace: string;
  let imageDir: string;
  let containerEnv: Record<string, string>;
  let server: RunningServer;

  beforeAll(async () => {
    ensureProductionBuild();
    workspace = mkdtempSync(join(tmpdir(), "e2b-image-"));
    imageDir = join(workspace, "app");
    assembleImageDirectory(imageDir);

    const envFile = writeDockerEnvFile(workspace, secret);
    const port = await freePort();
    containerEnv = {
      ...imageEnvironment(),
      ...readEnvFile(envFile),
      PORT: String(port),
    };
    server = await startServer({
      dir: imageDir,
      env: containerEnv,
      port,
      readyPath: "/api/health",
    });
  });

  afterAll(async () => {
    await server?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it("holds the standalone server and its assets, and no sources or env files", () => {
    const entries = readdirSync(imageDir);

    expect(entries).toContain("server.js");
    expect(existsSync(join(imageDir, ".next/static"))).toBe(true);
    expect(existsSync(join(imageDir, ".next/server/app"))).toBe(true);
    for (const source of ["app", "lib", "test", "pnpm-lock.yaml"]) {
      expect(entries).not.toContain(source);
    }
    expect(entries.filter((e) => e.startsWith(".env"))).toEqual([]);
  });

  it("is laid out by COPYs that never write the same file twice", () => {
    // The assets are inside the standalone folder already: copying them
    // again, as this Dockerfile once did, must be caught.
    const dockerfile = join(workspace, "Dockerfile.assets-twice");
    const original = readFileSync(join(ROOT, "Dockerfile"), "utf8");
    writeFileSync(
      dockerfile,
      original.replace(
        /^(COPY --from=build \/app\/\.next\/standalone \.\/)$/m,
        "$1\nCOPY --from=build /app/.next/static ./.next/static",
      ),
    );

    expect(() =>
      assembleImageDirectory(join(workspace, "twice"), dockerfile),
    ).toThrow(/\.next\/static writes files an earlier COPY already wrote/);
  });

  it("answers /api/health with 200 ok", async () => {
    const response = await fetch(`${server.url}/api/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });

  it("starts with HOSTNAME=0.0.0.0 from the image", () => {
    expect(containerEnv.HOSTNAME).toBe("0.0.0.0");
  });

  // Linux routes all of 127.0.0.0/8 to loopback; macOS only 127.0.0.1.
  if (process.platform !== "linux") {
    console.warn("skipped: the 127.0.0.2 listening check needs Linux");
  }
  it.skipIf(process.platform !== "linux")(
    "listens beyond 127.0.0.1, as a container must for its port to be published",
    async () => {
      // A server bound to 127.0.0.1 would not answer on 127.0.0.2: only one
      // listening on every interface does.
      const response = await fetch(
        `http://127.0.0.2:${server.port}/api/health`,
      );

      expect(response.status).toBe(200);
    },
  );

  it("passes every check of test-e2b-webhook.ts", async () => {
    const run = await runProcess(
      "pnpm",
      [
        "exec",
        "tsx",
        "test-e2b-webhook.ts",
        "--url",
        `${server.url}/api/webhooks/e2b`,
        "--secret",
        secret,
      ],
      { cwd: ROOT, env: { NO_COLOR: "1" } },
    );
    const summary = run.output.trim().split("\n").at(-1) ?? "";

    expect(summary, run.output).toMatch(/^[1-9]\d* passed, 0 failed$/);
    expect(run.code, run.output).toBe(0);
  });

  it("is reported healthy by the Dockerfile's own HEALTHCHECK command", async () => {
    const [command = "", ...args] = healthCheckCommand(runtimeStage());

    const check = await runProcess(command, args, {
      env: containerEnv,
    });

    expect(command).toBe("node");
    expect(check.code, check.output).toBe(0);
  });

  it("is reported unhealthy by that command when nothing answers on PORT", async () => {
    const [command = "", ...args] = healthCheckCommand(runtimeStage());
    const silentPort = String(await freePort());

    const check = await runProcess(command, args, {
      env: { ...containerEnv, PORT: silentPort },
    });

    expect(check.code).not.toBe(0);
  });
});
