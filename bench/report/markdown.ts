import { format as prettier } from "prettier";
import type { Machine } from "../machine";
import { format } from "./format";
import type { Budget, Section } from "./section";

export interface Report {
  mode: "full" | "quick";
  startedAt: Date;
  seconds: number;
  machine: Machine;
  coresNote: string;
  loadAtStart: number[];
  sections: Section[];
  /** Hand-written Markdown appended as is (bench/findings.md). */
  findings: string;
}

/** BENCHMARKS.md for one run, formatted as Prettier would. */
export function renderReport(report: Report): Promise<string> {
  const parts = [
    header(report),
    budgetTable(report.sections.flatMap((s) => s.budgets)),
    machine(report),
    COMMANDS,
    ...report.sections.map(section),
    report.findings,
  ];
  return prettier(parts.join("\n\n"), { parser: "markdown" });
}

function header(r: Report): string {
  const mode =
    r.mode === "quick"
      ? "`pnpm bench --quick` (short runs: a smoke test, not figures to quote)"
      : "`pnpm bench`";
  return `# Benchmarks

Every figure below comes from one run of ${mode}, started ${r.startedAt.toISOString()} on commit \`${r.machine.commit}\`${r.machine.dirty ? " with uncommitted changes" : ""}, taking ${Math.round(r.seconds)} s. The file is written by the run: to change it, run \`pnpm bench\` again. Only the last section, from bench/findings.md, is written by hand.`;
}

function budgetTable(budgets: Budget[]): string {
  const rows = budgets.map((b) => [
    b.name,
    b.target,
    b.measured,
    b.met ? "met" : "**not met**",
  ]);
  return `## Budgets\n\n${table([["budget", "target", "measured", "verdict"], ...rows])}`;
}

function machine(r: Report): string {
  const m = r.machine;
  const busy =
    r.loadAtStart[0]! >= 1
      ? " The machine was not quiet: other work shared its cores, so these figures are lower and noisier than on an idle machine."
      : "";
  return `## Machine

- ${m.cpu}, ${m.cores} cores, ${m.memory}; ${m.os}
- Node.js ${m.node}
- Load average at the start of the run (1, 5, 15 minutes): ${format.load(r.loadAtStart)}.${busy}
- Cores: ${r.coresNote}.`;
}

const COMMANDS = `## Commands

- \`pnpm bench\`: everything below, about ten minutes; writes BENCHMARKS.md. It first waits (up to 15 minutes, \`--max-wait <seconds>\`) for the 1-minute load average to drop under 1.0.
- \`pnpm bench --quick\`: the same steps in about a minute with short runs, written to a temporary file (\`--out <path>\` to choose; \`--json <path>\` also writes the raw figures).
- \`pnpm bench --only http,redis\`: some sections only (\`pipeline\`, \`memory\`, \`http\`, \`redis\`, \`cold-start\`).
- Under the hood each measurement runs in its own process: \`node --import tsx bench/<worker>.ts\` under \`taskset -c <core>\`, the production server as \`node .next/standalone/server.js\`, autocannon through its Node API in \`bench/http/autocannon-worker.ts\`.`;

function section(s: Section): string {
  const head = `## ${s.title}`;
  if (s.skipped) return `${head}\n\nNot measured in this run: ${s.skipped}.`;

  return [
    head,
    `_Load average as this section started: ${format.load(s.loadAverage)}._`,
    s.method,
    table(s.table),
    s.notes.map((n) => `- ${n}`).join("\n"),
    ...(s.more ?? []).flatMap((m) => [m.caption, table(m.table)]),
  ]
    .filter(Boolean)
    .join("\n\n");
}

function table(rows: string[][]): string {
  const [head, ...body] = rows;
  if (!head) return "";

  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...body.map(line)].join(
    "\n",
  );
}
