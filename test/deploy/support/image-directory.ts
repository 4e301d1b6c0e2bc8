import { cpSync, existsSync, mkdirSync, statSync } from "node:fs";
import { basename, join, posix } from "node:path";
import { ROOT } from "../../support/production-build";
import {
  argumentsOf,
  copiesOf,
  environmentOf,
  instructionsOf,
  readStages,
  runtimeStage,
  type Stage,
} from "./dockerfile";

/** One COPY of the runtime stage, as carried out on this machine. */
export interface CopiedPath {
  source: string;
  destination: string;
}

/**
 * Lays out `target` exactly as the Dockerfile's runtime stage lays out its
 * WORKDIR: every `COPY --from=<stage>` with the same sources and the same
 * destinations. The build stage ran `pnpm build` in the project folder, so
 * its WORKDIR is this repository after `ensureProductionBuild()`.
 */
export function assembleImageDirectory(target: string): CopiedPath[] {
  const stages = readStages();
  const runtime = runtimeStage(stages);
  const workdir = workdirOf(runtime, stages);

  return copiesOf(runtime).flatMap((copy) => {
    const from = copy.from && stages.find((s) => s.name === copy.from);
    if (!from) {
      throw new Error(
        `runtime COPY must come from a build stage: ${copy.from}`,
      );
    }
    const fromWorkdir = workdirOf(from, stages);
    const destination = inside(target, workdir, copy.destination);

    return copy.sources.map((source) => {
      const local = inside(ROOT, fromWorkdir, source);
      copyLikeDocker(local, destination, from, source);
      return { source: local, destination };
    });
  });
}

/** The environment a container of the image starts with (its `ENV`s). */
export function imageEnvironment(): Record<string, string> {
  return environmentOf(runtimeStage());
}

// Docker copies a folder's contents into the destination, and a file into a
// destination ending in "/". Symbolic links (pnpm's node_modules) stay links.
function copyLikeDocker(
  source: string,
  destination: string,
  stage: Stage,
  sourceInStage: string,
): void {
  if (!existsSync(source)) {
    if (!createdByStage(stage, sourceInStage)) {
      throw new Error(`COPY source ${sourceInStage} does not exist`);
    }
    mkdirSync(destination, { recursive: true });
    return;
  }
  const into = statSync(source).isDirectory() || !destination.endsWith("/");
  const path = into ? destination : join(destination, basename(source));
  cpSync(source, path, { recursive: true, verbatimSymlinks: true });
}

// The build stage may create a folder the repository lacks (`mkdir -p public`).
function createdByStage(stage: Stage, path: string): boolean {
  const name = posix.basename(path);
  return instructionsOf(stage, "RUN").some((run) => {
    const words = argumentsOf(run);
    const mkdir = words.indexOf("mkdir");
    return mkdir >= 0 && words.slice(mkdir).includes(name);
  });
}

function workdirOf(stage: Stage, stages: Stage[]): string {
  const own = instructionsOf(stage, "WORKDIR").at(-1);
  if (own) return argumentsOf(own)[0] ?? "/";

  const parent = stages.find((s) => s.name === stage.image);
  return parent ? workdirOf(parent, stages) : "/";
}

function inside(local: string, workdir: string, path: string): string {
  const absolute = posix.resolve(workdir, path);
  const relative = posix.relative(workdir, absolute);
  if (relative.startsWith("..")) {
    throw new Error(`${path} is outside the stage's WORKDIR ${workdir}`);
  }
  const resolved = join(local, relative);
  return path.endsWith("/") ? `${resolved}/` : resolved;
}
