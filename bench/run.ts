import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { ensureProductionBuild } from "../test/support/production-build";
import { ROOT } from "./children";
import { coldStartSection } from "./cold-start/cold-start-section";
import type { BenchContext } from "./context";
import { pinProcess, planCores } from "./cores";
import { httpSection } from "./http/http-section";
import type { LoadResult } from "./http/load-result";
import { pipelineSection } from "./in-process/pipeline-section";
import { describeMachine, waitForQuiet } from "./machine";
import { memorySection } from "./memory/memory-section";
import { readOptions } from "./options";
import { redisSection } from "./redis/redis-section";
import { renderReport } from "./report/markdown";
import type { Section } from "./report/section";

// `pnpm bench [--quick] [--out file] [--json file] [--only a,b]`: measures
// everything BENCHMARKS.md reports, in one run, and writes it.
const options = readOptions(process.argv.slice(2), ROOT);
const log = (message: string) => console.error(`[bench] ${message}`);
const startedAt = new Date();
const started = performance.now();

log("checking the production build (builds once per source change)");
const standaloneDir = ensureProductionBuild();
const loadAtStart = await waitForQuiet(options.maxWaitSeconds, log);
const machine = describeMachine();
const cores = planCores();
// This script, and the load generators it spawns, stay off the server core.
pinProcess(process.pid, cores.load);
const context: BenchContext = {
  profile: options.profile,
  cores,
  standaloneDir,
  log,
};

const wanted = (name: string) => !options.only || options.only.includes(name);
const sections: Section[] = [];
let memoryMode: LoadResult | null = null;
if (wanted("pipeline")) sections.push(await pipelineSection(context));
if (wanted("memory")) sections.push(await memorySection(context));
if (wanted("http")) {
  const http = await httpSection(context);
  memoryMode = http.unique;
  sections.push(http.section);
}
if (wanted("redis")) sections.push(await redisSection(context, memoryMode));
if (wanted("cold-start")) sections.push(await coldStartSection(context));

// In the order, whatever order they ran in.
sections.sort((a, b) => a.title.localeCompare(b.title));
const markdown = await renderReport({
  mode: options.profile.mode,
  startedAt,
  seconds: (performance.now() - started) / 1000,
  machine,
  coresNote: cores.note,
  loadAtStart,
  sections,
  findings: readFileSync(join(ROOT, "bench/findings.md"), "utf8"),
});
writeFileSync(options.out, markdown);
if (options.json) {
  const figures = {
    mode: options.profile.mode,
    startedAt,
    machine,
    loadAtStart,
    loadAtEnd: loadavg(),
    sections,
  };
  writeFileSync(options.json, `${JSON.stringify(figures, null, 2)}\n`);
}

for (const budget of sections.flatMap((s) => s.budgets)) {
  console.log(
    `${budget.met ? "met    " : "NOT MET"}  ${budget.name}: ${budget.measured} (target ${budget.target})`,
  );
}
log(`wrote ${options.out}`);
