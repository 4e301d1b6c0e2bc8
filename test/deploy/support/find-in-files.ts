import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Every file under `dir` (symbolic links not followed) whose bytes contain
 * any of `needles`, as paths relative to `dir`. Files that vanish while the
 * walk runs (a concurrent build) are skipped.
 */
export function filesContaining(dir: string, needles: string[]): string[] {
  const patterns = needles.map((n) => Buffer.from(n, "utf8"));
  const found: string[] = [];

  const visit = (path: string) => {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (!stat || stat.isSymbolicLink()) return;

    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
      return;
    }
    const bytes = readIfPresent(path);
    if (bytes && patterns.some((p) => bytes.includes(p))) {
      found.push(relative(dir, path));
    }
  };
  visit(dir);
  return found;
}

function readIfPresent(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}
