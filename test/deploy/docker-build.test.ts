import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Instruction } from "dockerfile-ast";
import { describe, expect, it } from "vitest";
import { BUILD_SOURCES, ROOT } from "../../scripts/support/production-build";
import {
  argumentsOf,
  copiesOf,
  environmentOf,
  flagOf,
  instructionsOf,
  readStages,
  stageChain,
  type Stage,
} from "./support/dockerfile";
import { isIgnored, readDockerignore } from "./support/dockerignore";

const INSTALL = "pnpm install --frozen-lockfile";

const patterns = readDockerignore(
  readFileSync(join(ROOT, ".dockerignore"), "utf8"),
);

/** Every file under the given project paths, relative to the project. */
function filesUnder(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    const absolute = join(ROOT, path);
    const stat = statSync(absolute, { throwIfNoEntry: false });
    if (!stat) return [];
    if (!stat.isDirectory()) return [path];

    return readdirSync(absolute, { recursive: true, withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
  });
}

function command(instruction: Instruction): string {
  return argumentsOf(instruction).join(" ");
}

/** The instructions of a stage and of the stages it is built from, in order. */
function instructionsThrough(stage: Stage, stages: Stage[]): Instruction[] {
  return stageChain(stage, stages).flatMap((s) => s.instructions);
}

function stageRunning(stages: Stage[], text: string): Stage {
  const stage = stages.find((s) =>
    instructionsOf(s, "RUN").some((run) => command(run).includes(text)),
  );
  if (!stage) throw new Error(`No stage runs ${text}`);
  return stage;
}

describe("the Docker build context", () => {
  it("holds every file the build reads", () => {
    const files = filesUnder(BUILD_SOURCES);

    expect(files).toContain("app/api/webhooks/e2b/route.ts");
    expect(files).toContain("scripts/copy-standalone-assets.mjs");
    expect(files.filter((f) => isIgnored(f, patterns))).toEqual([]);
  });

  it("holds every file a build stage copies from it", () => {
    const sources = readStages()
      .flatMap(copiesOf)
      .filter((copy) => copy.from === null)
      .flatMap((copy) => copy.sources.filter((s) => s !== "."));

    expect(sources).toContain("pnpm-lock.yaml");
    expect(sources.filter((s) => isIgnored(s, patterns))).toEqual([]);
  });

  it("leaves out every env file but .env.example", () => {
    const envFiles = [".env", ".env.local", ".env.production", ".env.docker"];

    expect(envFiles.filter((f) => !isIgnored(f, patterns))).toEqual([]);
    expect(isIgnored(".env.example", patterns)).toBe(false);
  });
});

describe("the Dockerfile's dependency stages", () => {
  const stages = readStages();

  it("install from the manifest and the lockfile alone, copied first", () => {
    const install = stageRunning(stages, INSTALL);
    const steps = instructionsThrough(install, stages);
    const installAt = steps.findIndex((i) => command(i).includes(INSTALL));
    const copied = steps
      .slice(0, installAt)
      .filter((i) => i.getKeyword() === "COPY" && flagOf(i, "from") === null)
      .flatMap((copy) => argumentsOf(copy).slice(0, -1));

    // Anything more (`COPY . .`) would reinstall on every source change.
    expect(new Set(copied)).toEqual(
      new Set(["package.json", "pnpm-lock.yaml"]),
    );
    expect(install.name).not.toBe(stages.at(-1)?.name);
  });

  it("fetch pnpm once, in the first stage, from package.json's pin", () => {
    const [base] = stages;
    const corepackStages = stages.filter((s) =>
      instructionsOf(s, "RUN").some((run) => command(run).includes("corepack")),
    );
    const steps = base?.instructions ?? [];
    const copiedAt = steps.findIndex(
      (i) => i.getKeyword() === "COPY" && argumentsOf(i)[0] === "package.json",
    );
    const fetchedAt = steps.findIndex((i) =>
      /corepack (install|prepare)\b/.test(command(i)),
    );

    expect(corepackStages).toEqual([base]);
    expect(copiedAt).toBeGreaterThanOrEqual(0);
    expect(fetchedAt).toBeGreaterThan(copiedAt);
  });

  it("turn corepack's network off for every stage that runs pnpm", () => {
    const pnpmStages = stages.filter((s) =>
      instructionsOf(s, "RUN").some((run) => /\bpnpm /.test(command(run))),
    );

    expect(pnpmStages.length).toBeGreaterThanOrEqual(2);
    for (const stage of pnpmStages) {
      const env = Object.assign(
        {},
        ...stageChain(stage, stages).map(environmentOf),
      );
      expect(env, stage.name ?? "").toMatchObject({
        COREPACK_ENABLE_NETWORK: "0",
      });
    }
  });
});
