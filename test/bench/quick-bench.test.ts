import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { check } from "prettier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/production-build";

interface Budget {
  name: string;
  met: boolean;
}

interface Section {
  title: string;
  table: string[][];
  budgets: Budget[];
  figures: Record<string, unknown>;
  skipped?: string;
}

interface Figures {
  mode: string;
  sections: Section[];
}

const SECTIONS = [
  "1. HTTP",
  "2. In process",
  "3. Memory",
  "4. Redis mode",
  "5. Cold start",
];

// One quick run serves every test below; it checks that the bench runs to
// the end and writes what it promises, never how fast anything was.
const dir = mkdtempSync(join(tmpdir(), "bench-test-"));
const out = join(dir, "BENCHMARKS.md");
const json = join(dir, "figures.json");
let run: { code: number | null; output: string };

beforeAll(async () => {
  run = await pnpm(["bench", "--quick", "--out", out, "--json", json]);
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("pnpm bench --quick", () => {
  it("runs to the end", () => {
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("[bench] wrote");
  });

  it("writes every section, in the issue's order, with its figures", () => {
    const figures = readFigures();
    expect(figures.mode).toBe("quick");
    expect(figures.sections.map((s) => s.title.split(":")[0])).toEqual(
      SECTIONS,
    );

    for (const section of figures.sections) {
      if (section.skipped) {
        console.warn(`[bench test] ${section.title}: ${section.skipped}`);
        continue;
      }
      expect(section.table.length, section.title).toBeGreaterThan(1);
      expect(Object.keys(section.figures).length).toBeGreaterThan(0);
    }
  });

  it("answers every delivery the way the scenario expects", () => {
    const http = sectionNamed("1. HTTP").figures as Record<
      string,
      { statuses: Record<string, number>; responses: number }
    >;

    expect(Object.keys(http.unique?.statuses ?? {})).toEqual(["200"]);
    expect(Object.keys(http.duplicate?.statuses ?? {})).toEqual(["200"]);
    expect(Object.keys(http.forged?.statuses ?? {})).toEqual(["401"]);
    expect(http.unique?.responses).toBeGreaterThan(0);
  });

  it("gives every budget a verdict, in the JSON and the Markdown", () => {
    const budgets = readFigures().sections.flatMap((s) => s.budgets);
    const markdown = readFileSync(out, "utf8");

    expect(budgets.length).toBeGreaterThanOrEqual(4);
    for (const budget of budgets) {
      expect(typeof budget.met).toBe("boolean");
      expect(markdown).toMatch(
        new RegExp(
          `\\| ${escape(budget.name)} .*\\| (met|\\*\\*not met\\*\\*) +\\|`,
        ),
      );
    }
  });

  it("writes Markdown that passes the project's Prettier check", async () => {
    const markdown = readFileSync(out, "utf8");

    expect(markdown.startsWith("# Benchmarks\n")).toBe(true);
    expect(await check(markdown, { parser: "markdown" })).toBe(true);
  });
});

function readFigures(): Figures {
  return JSON.parse(readFileSync(json, "utf8")) as Figures;
}

function sectionNamed(prefix: string): Section {
  const section = readFigures().sections.find((s) =>
    s.title.startsWith(prefix),
  );
  if (!section) throw new Error(`no section ${prefix}`);
  return section;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function pnpm(
  args: string[],
): Promise<{ code: number | null; output: string }> {
  const child = spawn("pnpm", args, {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));

  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}
