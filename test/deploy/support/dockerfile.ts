import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  DockerfileParser,
  Env,
  ModifiableInstruction,
  type Instruction,
} from "dockerfile-ast";
import { z } from "zod";
import { ROOT } from "../../../scripts/support/production-build";

export interface Stage {
  name: string | null;
  image: string;
  instructions: Instruction[];
}

export interface CopyInstruction {
  from: string | null;
  sources: string[];
  destination: string;
}

/** The project's Dockerfile, split into its build stages in order. */
export function readStages(path = join(ROOT, "Dockerfile")): Stage[] {
  const dockerfile = DockerfileParser.parse(readFileSync(path, "utf8"));
  const stages: Stage[] = [];

  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === "FROM") {
      const [image = "", , name = null] = argumentsOf(instruction);
      stages.push({ name, image, instructions: [] });
      continue;
    }
    stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

/**
 * A stage and the stages it is built `FROM`, the first one first: what a
 * stage's filesystem and environment start from.
 */
export function stageChain(stage: Stage, stages = readStages()): Stage[] {
  const parent = stages.find((s) => s.name === stage.image);
  return parent ? [...stageChain(parent, stages), stage] : [stage];
}

/** The stage the image ends with: the one that runs in production. */
export function runtimeStage(stages = readStages()): Stage {
  const last = stages.at(-1);
  if (!last) throw new Error("The Dockerfile has no FROM");
  return last;
}

export function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((i) => i.getKeyword() === keyword);
}

export function argumentsOf(instruction: Instruction): string[] {
  return instruction.getArguments().map((a) => a.getValue());
}

export function copiesOf(stage: Stage): CopyInstruction[] {
  return instructionsOf(stage, "COPY").map((instruction) => {
    const values = argumentsOf(instruction);
    return {
      from: flagOf(instruction, "from"),
      sources: values.slice(0, -1),
      destination: values.at(-1) ?? "",
    };
  });
}

/** `ENV` settings of one stage, later ones winning, as Docker applies them. */
export function environmentOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const instruction of instructionsOf(stage, "ENV")) {
    if (!(instruction instanceof Env)) continue;

    for (const property of instruction.getProperties()) {
      env[property.getName()] = property.getValue() ?? "";
    }
  }
  return env;
}

/** The exec-form command of the stage's `HEALTHCHECK ... CMD [...]`. */
export function healthCheckCommand(stage: Stage): string[] {
  const [check] = instructionsOf(stage, "HEALTHCHECK");
  const content = check?.getArgumentsContent() ?? "";
  const match = /^CMD\s+(\[[\s\S]*\])\s*$/.exec(content);
  if (!match?.[1]) throw new Error(`No exec-form HEALTHCHECK CMD: ${content}`);

  return z.array(z.string()).parse(JSON.parse(match[1]));
}

/** The value of a `--name=value` flag, or `null` when absent. */
export function flagOf(instruction: Instruction, name: string): string | null {
  if (!(instruction instanceof ModifiableInstruction)) return null;

  const flag = instruction.getFlags().find((f) => f.getName() === name);
  return flag ? (flag.getValue() ?? "") : null;
}
