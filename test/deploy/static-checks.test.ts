import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { ROOT } from "../../scripts/support/production-build";
import {
  argumentsOf,
  environmentOf,
  healthCheckCommand,
  instructionsOf,
  readStages,
  runtimeStage,
} from "./support/dockerfile";
import { variablesRead } from "./support/variables-read";

const SECRET_LIKE = /SECRET|TOKEN|KEY|PASSWORD|CREDENTIAL/i;

const composeFile = z.object({
  services: z.object({
    app: z.object({
      build: z.object({ context: z.string(), dockerfile: z.string() }),
      env_file: z.union([z.string(), z.array(z.string())]),
      ports: z.array(z.string()),
      restart: z.string(),
      healthcheck: z.object({ test: z.array(z.string()) }),
    }),
  }),
});

function readCompose() {
  const text = readFileSync(join(ROOT, "docker-compose.yml"), "utf8");
  return composeFile.parse(parse(text));
}

describe("the Dockerfile", () => {
  const stages = readStages();
  const runtime = runtimeStage(stages);

  it("builds in separate stages on an official Node LTS image", () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(runtime.image).toMatch(/^node:(20|22|24)-[a-z]+-slim$/);
  });

  it("installs with pnpm through corepack and the frozen lockfile", () => {
    const runs = stages.flatMap((s) => instructionsOf(s, "RUN"));
    const commands = runs.map((r) => argumentsOf(r).join(" "));

    expect(commands.some((c) => c.includes("corepack enable"))).toBe(true);
    expect(commands).toContain("pnpm install --frozen-lockfile");
  });

  it("runs the server as a non-root user", () => {
    const user = instructionsOf(runtime, "USER").at(-1);

    expect(user).toBeDefined();
    expect(argumentsOf(user!)[0]).not.toMatch(/^(root|0)(:|$)/);
  });

  it("listens on every interface, on port 3000, in production mode", () => {
    expect(environmentOf(runtime)).toMatchObject({
      HOSTNAME: "0.0.0.0",
      PORT: "3000",
      NODE_ENV: "production",
    });
  });

  it("starts the standalone server", () => {
    const cmd = instructionsOf(runtime, "CMD").at(-1);

    expect(cmd?.getArgumentsContent()).toBe('["node", "server.js"]');
  });

  it("checks health with Node on a path that exists as a route", () => {
    const [command, , script = ""] = healthCheckCommand(runtime);
    const path = /'(\/api\/[a-z/-]+)'/.exec(script)?.[1] ?? "";

    expect(command).toBe("node");
    expect(path).toBe("/api/health");
    expect(existsSync(join(ROOT, "app", path, "route.ts"))).toBe(true);
  });

  it("takes no secret-like build argument or environment variable", () => {
    const names = stages.flatMap((stage) => [
      ...instructionsOf(stage, "ARG").map((a) => argumentsOf(a)[0] ?? ""),
      ...Object.keys(environmentOf(stage)),
    ]);

    expect(names.filter((n) => SECRET_LIKE.test(n))).toEqual([]);
  });
});

describe(".dockerignore", () => {
  const entries = readFileSync(join(ROOT, ".dockerignore"), "utf8")
    .split("\n")
    .map((line) => line.trim());

  it("keeps env files, dependencies, build output and git history out", () => {
    expect(entries).toEqual(
      expect.arrayContaining([".env*", "node_modules", ".next", ".git"]),
    );
  });

  it("lets no real env file back in", () => {
    const reincluded = entries.filter((e) => e.startsWith("!.env"));

    expect(reincluded.filter((e) => e !== "!.env.example")).toEqual([]);
  });
});

describe("docker-compose.yml", () => {
  it("parses and builds the app service from the Dockerfile", () => {
    const { app } = readCompose().services;

    expect(app.build).toEqual({ context: ".", dockerfile: "Dockerfile" });
  });

  it("configures the app at run time from .env.docker", () => {
    const { app } = readCompose().services;

    expect([app.env_file].flat()).toEqual([".env.docker"]);
  });

  it("publishes port 3000 and restarts unless stopped", () => {
    const { app } = readCompose().services;

    expect(app.ports).toContain("3000:3000");
    expect(app.restart).toBe("unless-stopped");
  });

  it("runs the same health check as the image", () => {
    const { app } = readCompose().services;

    expect(app.healthcheck.test).toEqual([
      "CMD",
      ...healthCheckCommand(runtimeStage()),
    ]);
  });
});

describe(".env.example", () => {
  const example = readFileSync(join(ROOT, ".env.example"), "utf8");

  it("documents every variable the code reads", () => {
    const read = variablesRead();
    const missing = [...read].filter(
      (name) => !new RegExp(`^(# )?${name}=`, "m").test(example),
    );

    expect(read).toContain("WEBHOOK_MAX_BODY_BYTES");
    expect(missing).toEqual([]);
  });

  it("sets no secret: E2B_WEBHOOK_SECRET is left for the user to fill", () => {
    expect(example).toMatch(/^E2B_WEBHOOK_SECRET=$/m);
  });
});
