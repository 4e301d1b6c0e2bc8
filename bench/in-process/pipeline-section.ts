import { loadavg } from "node:os";
import { runWorker } from "../children";
import type { BenchContext } from "../context";
import { format } from "../report/format";
import type { Section } from "../report/section";
import type { Rate } from "./measure";

interface PipelineFigures {
  pipeline: Rate & { outcomes: Record<string, number> };
  apply: Rate;
  verify: Rate;
  parse: Rate;
  normalise: Rate;
}

const BUDGET = 100_000;

/** Section 2: the framework-free pipeline and `apply`, on one core. */
export async function pipelineSection(context: BenchContext): Promise<Section> {
  const loadAverage = loadavg();
  context.log("in process: pipeline, apply and their steps");
  const figures = await runWorker<PipelineFigures>(
    "in-process/pipeline-worker.ts",
    context.profile.pipeline,
    { core: context.cores.server },
  );
  const { pipeline, apply } = figures;
  const row = (label: string, rate: Rate) => [
    label,
    format.rate(rate.perSecond),
    format.micros(rate.microsEach),
  ];

  return {
    title: "2. In process: the pipeline without Next.js",
    method: `\`receiveDelivery\` (lib/pipeline/receive-delivery.ts: secret, signature, JSON, schema, rate limits off, registry) with a \`SandboxManager\` on the default \`MemoryStore\`, in a worker process pinned to one core, awaiting one delivery at a time. ${format.count(context.profile.pipeline.total)} deliveries after ${format.count(context.profile.pipeline.warmup)} for warm-up; bodies are made and signed in batches of 1,000 off the clock. The same stream of E2B events as the HTTP runs. "apply alone" is \`SandboxManager.apply\` on events normalised beforehand; the last three rows time each earlier step alone.`,
    loadAverage,
    table: [
      ["step", "per second", "per delivery"],
      row("**pipeline** (verify, parse, validate, apply)", pipeline),
      row("apply alone", apply),
      row("verify signature", figures.verify),
      row("parse JSON", figures.parse),
      row("validate and normalise", figures.normalise),
    ],
    notes: [
      `Outcomes: ${Object.entries(pipeline.outcomes)
        .map(([k, v]) => `${k} ${format.count(v)}`)
        .join(", ")} (warm-up included).`,
    ],
    budgets: [
      {
        name: "Pipeline deliveries per second, one core",
        target: `≥ ${format.rate(BUDGET)}`,
        measured: format.rate(pipeline.perSecond),
        met: pipeline.perSecond >= BUDGET,
      },
    ],
    figures: { ...figures },
  };
}
