import { format } from "../report/format";
import type { Budget, Section } from "../report/section";
import { flatness, type DeliverySeries } from "./flatness";
import type { ServerFill } from "./server-fill";
import type { MemoryUsage } from "./usage";

export interface SandboxFigures {
  count: number;
  tracked: number;
  before: MemoryUsage;
  after: MemoryUsage;
}

export interface MemoryFigures {
  sandboxes: SandboxFigures;
  series: DeliverySeries;
  server: ServerFill | null;
  loadAverage: number[];
}

const RSS_BUDGET = 150 * 1024 * 1024;

/** Section 3 from the memory runs' figures. */
export function memoryReport({
  sandboxes,
  series,
  server,
  loadAverage,
}: MemoryFigures): Section {
  const flat = flatness(series);
  return {
    title: "3. Memory",
    method: METHOD,
    loadAverage,
    table: sandboxTable(sandboxes, server),
    notes: [
      ...serverNotes(server),
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
    [
      "process",
      "sandboxes",
      "RSS idle",
      "RSS tracking them",
      "after a full GC: RSS",
      "heap",
    ],
    [
      "registry worker (Node.js + tsx, no Next.js)",
      format.count(s.tracked),
      format.mb(s.before.rss),
      format.mb(s.after.rss),
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
      format.mb(server.filled.rss),
      format.mb(server.filled.heapUsed),
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

function serverNotes(server: ServerFill | null): string[] {
  if (!server) return [];

  const added = server.filled.heapUsed - server.idle.heapUsed;
  return [
    `The production server's live heap grew by ${format.mb(added)} for ${format.count(server.count)} sandboxes (${format.count(Math.round(added / server.count))} bytes each, with everything else it keeps per delivery); its RSS as it stood is mostly heap V8 had grown under load and not yet given back (${format.mb(server.filled.rss)} right after a full collection).`,
  ];
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

const METHOD = `Two worker processes with \`--expose-gc\`, each on one core, read their own RSS and heap after a full collection. The first applies one \`created\` event to each of 100,000 new sandboxes through \`SandboxManager.apply\` (default settings, so the last 100,000 event ids are also remembered for idempotency). The second sends deliveries with unique event ids through \`receiveDelivery\`: 10,000 sandboxes at a time walk the six lifecycle steps, each \`killed\` leaves a tombstone and a new sandbox takes the slot, so both idempotency records and tombstones reach their caps. In full mode a fresh production server also gets 100,000 \`created\` deliveries over HTTP, one new sandbox each; its RSS is read from /proc as it stands, and again after a full collection that bench/memory/gc-preload.mjs triggers inside it.`;
