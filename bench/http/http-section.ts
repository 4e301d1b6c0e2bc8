import { loadavg } from "node:os";
import type { BenchContext } from "../context";
import { format } from "../report/format";
import type { Section } from "../report/section";
import { profileRoute } from "../profile/route-profile";
import { profileTable } from "../profile/profile-table";
import { startBare } from "./bare";
import { runLoad } from "./load";
import type { LoadResult } from "./load-result";
import { startProduction } from "./production";
import type { Scenario } from "./scenarios";

const NO_LIMIT = { WEBHOOK_FAILED_AUTH_LIMIT_PER_MINUTE: "1000000" };

/** Section 1: the production server under autocannon, and the floors. */
export async function httpSection(context: BenchContext) {
  const loadAverage = loadavg();
  const server = await startProduction(
    context.standaloneDir,
    context.cores.server,
    NO_LIMIT,
  );
  const run = (scenario: Scenario, url = server.url) => {
    context.log(`http: ${scenario} on ${url}`);
    return runLoad(context.cores, { ...loadOptions(context), url, scenario });
  };

  const healthBefore = await run("health");
  const logBefore = server.logLines();
  const unique = await run("unique");
  const logLinesEach = (server.logLines() - logBefore) / unique.responses;
  const duplicate = await run("duplicate");
  const forged = await run("forged");
  const healthAfter = await run("health");
  const rss = server.rss();
  await server.stop();

  const limited = await withServer(context, {}, (url) => run("forged", url));
  const bare = await startBare(context.cores.server);
  const floor = await run("signed", bare.url);
  await bare.stop();

  const health = (healthBefore.perSecond + healthAfter.perSecond) / 2;
  const ratio = unique.perSecond / health;
  const results = {
    healthBefore,
    unique,
    duplicate,
    forged,
    healthAfter,
    limited,
    floor,
  };
  const profiles = context.profile.profileRoute
    ? await profileRoute(context)
    : [];
  const section = buildSection({
    results,
    health,
    ratio,
    rss,
    logLinesEach,
    loadAverage,
  });
  const { connections, warmupSeconds, durationSeconds } = context.profile.http;
  section.method += ` Each run: ${connections} connections, ${warmupSeconds} s warm-up, ${durationSeconds} s measured.`;
  if (profiles.length > 0) {
    section.more = [
      { caption: PROFILE_CAPTION, table: profileTable(profiles) },
    ];
    section.figures.profiles = profiles;
  }
  return { unique, section };
}

async function withServer<T>(
  context: BenchContext,
  env: Record<string, string>,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const server = await startProduction(
    context.standaloneDir,
    context.cores.server,
    env,
  );
  try {
    return await work(server.url);
  } finally {
    await server.stop();
  }
}

export function loadOptions(context: BenchContext) {
  const { connections, warmupSeconds, durationSeconds } = context.profile.http;
  return {
    connections,
    warmupSeconds,
    durationSeconds,
    // More than a Next.js server on one core can take in that time.
    prepared: (warmupSeconds + durationSeconds) * 5_000,
  };
}

interface Figures {
  results: Record<string, LoadResult>;
  health: number;
  ratio: number;
  rss: number | null;
  logLinesEach: number;
  loadAverage: number[];
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

function buildSection(f: Figures): Section {
  const table = [
    ["request", "what", "statuses", "throughput", "p50", "p99", "vs health"],
  ];
  for (const [key, [label, what]] of Object.entries(LABELS)) {
    const r = f.results[key];
    if (!r) continue;
    table.push([
      label,
      what,
      Object.entries(r.statuses)
        .map(([s, n]) => `${s}: ${format.count(n)}`)
        .join(", "),
      format.rate(r.perSecond),
      format.ms(r.p50Ms),
      format.ms(r.p99Ms),
      format.ratio(r.perSecond / f.health),
    ]);
  }
  return {
    title: "1. HTTP: the production server",
    method: HTTP_METHOD,
    loadAverage: f.loadAverage,
    table,
    notes: notes(f),
    budgets: [
      {
        name: "Route throughput vs the health-route floor",
        target: "≥ 0.9×",
        measured: format.ratio(f.ratio),
        met: f.ratio >= 0.9,
      },
    ],
    figures: {
      ...f.results,
      healthMean: f.health,
      ratio: f.ratio,
      rss: f.rss,
      logLinesEach: f.logLinesEach,
    },
  };
}

function notes(f: Figures): string[] {
  const { unique, floor, limited } = f.results;
  const lines = [
    `Route ÷ health floor (mean of the two health runs, ${format.rate(f.health)}): **${format.ratio(f.ratio)}**.`,
    `The server wrote ${f.logLinesEach.toFixed(2)} log lines per unique delivery (JSON, level info, the production default) and held ${format.mb(f.rss)} RSS after these runs.`,
  ];
  if (unique && floor) {
    lines.push(
      `The bare \`node:http\` floor answered ${format.ratio(floor.perSecond / unique.perSecond)} as many deliveries as the route; there the load generator, not the server, may be the limit.`,
    );
  }
  if (limited) {
    lines.push(
      "With the default limit of 60 failed verifications a minute per address, nearly every forged request is answered 429 and not logged (counted only).",
    );
  }
  return lines;
}

const HTTP_METHOD = `The production standalone server (\`node .next/standalone/server.js\`, built by \`ensureProductionBuild()\`) runs on its own core with the default settings and a memory registry. autocannon runs in a separate process on the other core, with the connections and durations below, after a warm-up it does not count. Unique deliveries are E2B snake_case bodies, each with its own event id, signed before the clock starts; they walk 10,000 sandboxes through created, updated, paused, resumed, checkpointed and killed. Latencies are every response's time as autocannon measured it, with percentiles computed from all of them. The invalid-signature run raises \`WEBHOOK_FAILED_AUTH_LIMIT_PER_MINUTE\` to 1,000,000 so each request is verified and refused with 401; a second run keeps the default (60) to show the rate-limited path.`;

const PROFILE_CAPTION = `Where the server's CPU time goes, from a separate run of a fresh server under the same load with the V8 profiler on (bench/profile/: samples are mapped through the build's source maps; time in a library such as zod, pino or undici counts for the file of ours that called it, unless it ran from the event loop on its own, as body streaming and response writing do). The profiler slows everything a little, so these add up to more than the throughput above implies.`;
