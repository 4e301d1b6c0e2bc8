import { readFileSync } from "node:fs";

/** A process's resident set size in MiB, from /proc; `null` off Linux. */
export function rssMiB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
    return kib === undefined ? null : Math.round(Number(kib) / 102.4) / 10;
  } catch {
    return null;
  }
}
