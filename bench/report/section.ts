import { loadavg } from "node:os";

/** A budget from the issue, and whether this run met it. */
export interface Budget {
  name: string;
  target: string;
  measured: string;
  met: boolean;
}

/** One part of BENCHMARKS.md: how it was measured, the figures, verdicts. */
export interface Section {
  title: string;
  /** What was measured and how, as Markdown. */
  method: string;
  /** The 1, 5 and 15 minute load averages as the section started. */
  loadAverage: number[];
  /** Rows of cells; the first row is the header. */
  table: string[][];
  notes: string[];
  /** More tables after the notes, each under a sentence of its own. */
  more?: { caption: string; table: string[][] }[];
  budgets: Budget[];
  /** The raw figures, for `--json`. */
  figures: Record<string, unknown>;
  /** Why the section did not run, when it did not. */
  skipped?: string;
}

/** A section that could not run, and why (also printed). */
export function skippedSection(title: string, reason: string): Section {
  console.warn(`[bench] ${title}: skipped: ${reason}`);
  return {
    title,
    method: "",
    loadAverage: loadavg(),
    table: [],
    notes: [],
    budgets: [],
    figures: {},
    skipped: reason,
  };
}
