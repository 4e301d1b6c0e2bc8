import type { BenchContext } from "../context";
import { profileTable } from "../profile/profile-table";
import type { RouteProfile } from "../profile/route-profile";
import { format } from "../report/format";
import type { Section } from "../report/section";
import type { LoadResult } from "./load-result";

export interface HttpFigures {
  results: Record<string, LoadResult>;
  rss: number | null;
  logLinesEach: number;
  loadAverage: number[];
  profiles: RouteProfile[];
}

const LABELS: Record<string, [string, string]> = {
  healthBefore: ["`GET /api/health` (first)", "framework floor"],
  unique: ["valid deliveries, unique ids", "route"],
  duplicate: ["duplicates (100 ids, already applied)", "route"],
  forged: ["invalid signatures (limit raised)", "route"],
  healthAfter: ["`GET /api/health` (again, last)", "framework floor"],
  limited: ["invalid signatures, default limit 60/min", "route"],
  floor: ["valid deliveries, bare `node:http`", "physical floor"],
};

/** Section 1 from the HTTP runs' figures. */
export function httpReport(context: BenchContext, f: HttpFigures): Section {
  const { healthBefore, healthAfter, unique } = f.results;
  if (!healthBefore || !healthAfter || !unique) {
    throw new Error("the HTTP section needs both health runs and unique");
  }
  const health = (healthBefore.perSecond + healthAfter.perSecond) / 2;
  const ratio = unique.perSecond / health;
  const { connections, warmupSeconds, durationSeconds } = context.profile.http;
  const table = [
    ["request", "what", "statuses", "throughput", "p50", "p99", "vs health"],
  ];
  for (const [key, [label, what]] of Object.entries(LABELS)) {
    const r = f.results[key];
    if (r)
      table.push([
        label,
        what,
        ...figures(r),
        format.ratio(r.perSecond / health),
      ]);
  }

  return {
    title: "1. HTTP: the production server",
    method: `${METHOD} Each run: ${connections} connections, ${warmupSeconds} s warm-up, ${durationSeconds} s measured.`,
    loadAverage: f.loadAverage,
    table,
    notes: notes(f, health, ratio),
    more:
      f.profiles.length > 0
        ? [{ caption: PROFILE_CAPTION, table: profileTable(f.profiles) }]
        : [],
    budgets: [
      {
        name: "Route throughput vs the health-route floor",
        target: "≥ 0.9×",
        measured: format.ratio(ratio),
        met: ratio >= 0.9,
      },
    ],
    figures: {
      ...f.results,
      healthMean: health,
      ratio,
      rss: f.rss,
      logLinesEach: f.logLinesEach,
      profiles: f.profiles,
    },
  };
}

function figures(r: LoadResult): string[] {
  const statuses = Object.entries(r.statuses)
    .map(([status, n]) => `${status}: ${format.count(n)}`)
    .join(", ");
  return [
    statuses,
    format.rate(r.perSecond),
    format.ms(r.p50Ms),
    format.ms(r.p99Ms),
  ];
}

function notes(f: HttpFigures, health: number, ratio: number): string[] {
  const { unique, floor, limited } = f.results;
  const lines = [
    `Route ÷ health floor (the mean of the two health runs, ${format.rate(health)}): **${format.ratio(ratio)}**.`,
    `The server wrote ${f.logLinesEach.toFixed(2)} log lines per unique delivery (JSON at level info, the production default) and held ${format.mb(f.rss)} RSS after these runs.`,
  ];
  if (unique && floor) {
    lines.push(
      `The bare \`node:http\` floor answered ${format.ratio(floor.perSecond / unique.perSecond)} as many deliveries as the route. Its figure is a lower bound: one core of autocannon is about as fast as that server.`,
    );
  }
  if (limited) {
    lines.push(
      "With the default limit of 60 failed verifications a minute per address, nearly every forged request is answered 429 and counted but not logged.",
    );
  }
  return lines;
}

const METHOD = `The production standalone server (\`node .next/standalone/server.js\`, built by \`ensureProductionBuild()\`) runs on its own core with the default settings and a memory registry. autocannon runs in a separate process on the other core, with the connections and durations below, after a warm-up it does not count. Unique deliveries are E2B snake_case bodies, each with its own event id, signed before the clock starts; they walk 10,000 sandboxes through created, updated, paused, resumed, checkpointed and killed. Latencies are every response's time as autocannon measured it, with percentiles computed from all of them. The invalid-signature run raises \`WEBHOOK_FAILED_AUTH_LIMIT_PER_MINUTE\` to 1,000,000 so each request is verified and refused with 401; a second run keeps the default (60) to show the rate-limited path.`;

const PROFILE_CAPTION = `Where the server's CPU time goes, from a separate run of a fresh server under the same load with the V8 profiler on (bench/profile/: samples are mapped through the build's source maps; time in a library such as zod, pino or undici counts for the file of ours that called it, unless it ran from the event loop on its own, as body streaming and response writing do). The profiler slows everything a little, so these add up to more than the throughput above implies.`;
