import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import {
  availableParallelism,
  cpus,
  loadavg,
  release,
  totalmem,
  type as osType,
} from "node:os";
import { ROOT } from "./children";

/** What the figures were measured on, for the top of BENCHMARKS.md. */
export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  node: string;
  commit: string;
  /** Uncommitted changes under lib/, app/ or bench/ when the run started. */
  dirty: boolean;
}

export function describeMachine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: availableParallelism(),
    memory: `${Math.round(totalmem() / 1024 ** 3)} GiB`,
    os: `${osType()} ${release()}${virtualisation()}`,
    node: process.version,
    commit: git(["rev-parse", "--short", "HEAD"]) ?? "unknown",
    dirty:
      (git(["status", "--porcelain", "--", "lib", "app", "bench"]) ?? "") !==
      "",
  };
}

/** Waits until the 1-minute load average drops under `limit`, or gives up. */
export async function waitForQuiet(
  maxSeconds: number,
  log: (m: string) => void,
) {
  const deadline = Date.now() + maxSeconds * 1000;
  while (loadavg()[0]! >= 1 && Date.now() < deadline) {
    log(
      `load average ${loadavg()[0]!.toFixed(2)} ≥ 1.0: waiting for a quiet machine`,
    );
    await new Promise((resolve) => setTimeout(resolve, 30_000));
  }
  return loadavg();
}

function virtualisation(): string {
  try {
    const flags = readFileSync("/proc/cpuinfo", "utf8");
    return /\bhypervisor\b/.test(flags) ? " (virtual machine)" : "";
  } catch {
    return "";
  }
}

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}
