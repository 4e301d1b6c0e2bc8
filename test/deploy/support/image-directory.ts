import { cpSync, existsSync, statSync } from "node:fs";
import { basename, join, posix } from "node:path";
import { ROOT } from "../../../scripts/support/production-build";
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
 * its WORKDIR is this repository after `ensureProductionBuild()`. Throws
 * when a COPY is missing its source or writes a file an earlier COPY wrote.
 */
export function assembleImageDirectory(
  target: string,
  dockerfile?: string,
): CopiedPath[] {
  const stages = readStages(dockerfile);
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
      copyLikeDocker(local, destination, source);
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
// Docker would overwrite silently; here a file copied twice is an error, so
// a COPY made redundant by the build (its files already in place) shows.
function copyLikeDocker(
  source: string,
  destination: string,
  sourceInStage: string,
): void {
  if (!existsSync(source)) {
    throw new Error(`COPY source ${sourceInStage} does not exist`);
  }
  const into = statSync(source).isDirectory() || !destination.endsWith("/");
  const path = into ? destination : join(destination, basename(source));
  try {
    cpSync(source, path, {
      recursive: true,
      verbatimSymlinks: true,
      force: false,
      errorOnExist: true,
    });
  } catch (error) {
    if (!isCode(error, "ERR_FS_CP_EEXIST")) throw error;
    throw new Error(
      `COPY ${sourceInStage} writes files an earlier COPY already wrote`,
    );
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && Reflect.get(error, "code") === code;
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
