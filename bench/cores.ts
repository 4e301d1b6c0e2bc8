import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";

/**
 * Which core runs what: the measured server (or worker) on one, the load
 * generator and this script on the other, so neither steals the other's
 * time. `null` cores when that cannot be arranged (no `taskset`, one core).
 */
export interface CorePlan {
  server: number | null;
  load: number | null;
  /** How the cores were assigned, in words, for BENCHMARKS.md. */
  note: string;
}

export function planCores(): CorePlan {
  const cores = availableParallelism();
  if (spawnSync("taskset", ["-V"]).status !== 0) {
    return { server: null, load: null, note: "not pinned: no taskset" };
  }
  if (cores < 2) {
    return { server: null, load: null, note: `not pinned: ${cores} core` };
  }

  return {
    server: 0,
    load: 1,
    note: "measured process on core 0 (taskset); load generator, Redis client side and this script on core 1",
  };
}

/** Moves a running process, all its threads, onto one core. */
export function pinProcess(pid: number, core: number | null): void {
  if (core === null) return;

  const result = spawnSync("taskset", ["-a", "-cp", String(core), String(pid)]);
  if (result.status !== 0) {
    throw new Error(`taskset could not pin ${pid}: ${result.stderr}`);
  }
}

/** A command line that starts `command` on one core (unchanged if `null`). */
export function onCore(
  core: number | null,
  command: string,
  args: string[],
): [string, string[]] {
  if (core === null) return [command, args];

  return ["taskset", ["-c", String(core), command, ...args]];
}
