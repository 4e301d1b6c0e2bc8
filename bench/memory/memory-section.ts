import { loadavg } from "node:os";
import { runWorker } from "../children";
import type { BenchContext } from "../context";
import { format } from "../report/format";
import type { Budget, Section } from "../report/section";
import { flatness, type DeliverySeries } from "./flatness";
import { fillServer, type ServerFill } from "./server-fill";
import type { MemoryUsage } from "./usage";

interface SandboxFigures {
  count: number;
  tracked: number;
  before: MemoryUsage;
  after: MemoryUsage;
}

const RSS_BUDGET = 150 * 1024 * 1024;

/** Section 3: RSS with many sandboxes, and across many deliveries. */
export async function memorySection(context: BenchContext): Promise<Section> {
  const loadAverage = loadavg();
  const worker = { core: context.cores.server, nodeArgs: ["--expose-gc"] };
  context.log("memory: 100k sandboxes in process");
  const sandboxes = await runWorker<SandboxFigures>(
    "memory/sandboxes-worker.ts",
    { count: context.profile.sandboxes },
    worker,
  );
  context.log("memory: deliveries with unique ids");
  const series = await runWorker<DeliverySeries>(
    "memory/deliveries-worker.ts",
    context.profile.deliveries,
    worker,
  );
  const server = context.profile.serverFill ? await fillServer(context) : null;

  const flat = flatness(series);
  return {
    title: "3. Memory",
    method: METHOD,
    loadAverage,
    table: sandboxTable(sandboxes, server),
    notes: [
      `Per tracked sandbox (registry entry plus its idempotency record): ${format.count(Math.round((sandboxes.after.heapUsed - sandboxes.before.heapUsed) / sandboxes.count))} bytes of heap.`,
      ...deliveryNotes(series, flat),
    ],
    budgets: [
      ...sandboxBudgets(sandboxes, server),
      {
        name: `RSS flat across ${format.count(series.series.at(-1)?.deliveries ?? 0)} deliveries`,
        target: "≤ +10% RSS, ≤ +5% heap over the last 30%",
        measured: `RSS ${flat.rssGrowth}, heap ${flat.heapGrowth}`,
        met: flat.met,
      },
    ],
    figures: { sandboxes, series, server },
  };
}

function sandboxTable(s: SandboxFigures, server: ServerFill | null) {
  const table = [
    ["process", "sandboxes", "RSS before", "RSS after", "heap after GC"],
    [
      "registry worker (Node.js + tsx, no Next.js)",
      format.count(s.tracked),
      format.mb(s.before.rss),
      format.mb(s.after.rss),
      format.mb(s.after.heapUsed),
    ],
  ];
  if (server) {
    table.push([
      "production server (`node server.js`)",
      format.count(server.statuses["200"] ?? 0),
      format.mb(server.idleRss),
      format.mb(server.filledRss),
      "n/a",
    ]);
  }
  return table;
}

function sandboxBudgets(
  s: SandboxFigures,
  server: ServerFill | null,
): Budget[] {
  const budget = (name: string, rss: number | null): Budget => ({
    name,
    target: "≤ 150 MB RSS",
    measured: format.mb(rss),
    met: rss !== null && rss <= RSS_BUDGET,
  });
  const budgets = [budget("100k sandboxes: registry process", s.after.rss)];
  if (server)
    budgets.push(budget("100k sandboxes: production server", server.filledRss));
  return budgets;
}

function deliveryNotes(
  series: DeliverySeries,
  flat: ReturnType<typeof flatness>,
) {
  const points = series.series
    .map(
      (p) =>
        `${format.count(p.deliveries)}: ${format.mb(p.rss)} RSS, ${format.mb(p.heapUsed)} heap`,
    )
    .join("; ");
  return [
    `Across deliveries (after a full GC at each point): ${points}.`,
    `Outcomes: ${Object.entries(series.outcomes)
      .map(([k, v]) => `${k} ${format.count(v)}`)
      .join(
        ", ",
      )}; live sandboxes at the end: ${format.count(series.live)}; idempotency cap ${format.count(series.idempotencyCap)}, tombstone cap ${format.count(series.tombstoneCap)}. ${flat.detail}`,
  ];
}

const METHOD = `Two worker processes with \`--expose-gc\`, each on one core, read their own RSS and heap after a full collection. The first applies one \`created\` event to each of 100,000 new sandboxes through \`SandboxManager.apply\` (default settings, so the last 100,000 event ids are also remembered for idempotency). The second sends deliveries with unique event ids through \`receiveDelivery\`: 10,000 sandboxes at a time walk the six lifecycle steps, each \`killed\` leaves a tombstone and a new sandbox takes the slot, so both idempotency records and tombstones reach their caps. In full mode a production server is also filled with 100,000 sandboxes over HTTP and its RSS read from /proc.`;
