import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PROFILE } from "./profile";

/** Where this profile's figures are collected, one JSON object per run. */
export const FIGURES_FILE =
  process.env.RELIABILITY_FIGURES ??
  join(tmpdir(), "e2b-webhook-reliability", `${PROFILE}.json`);

/**
 * Prints one measured figure and keeps it in FIGURES_FILE, so a run of the
 * full profile leaves every number RELIABILITY.md quotes in one place.
 */
export function recordFigure(name: string, value: unknown): void {
  console.log(`[reliability:${PROFILE}] ${name}: ${JSON.stringify(value)}`);

  mkdirSync(dirname(FIGURES_FILE), { recursive: true });
  const figures = readFigures();
  figures[name] = value;
  writeFileSync(FIGURES_FILE, `${JSON.stringify(figures, null, 2)}\n`);
}

function readFigures(): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(FIGURES_FILE, "utf8")) as Record<
      string,
      unknown
    >;
  } catch {
    return {};
  }
}
