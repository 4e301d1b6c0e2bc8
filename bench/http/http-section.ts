import { loadavg } from "node:os";
import type { BenchContext } from "../context";
import { profileRoute } from "../profile/route-profile";
import { startBare } from "./bare";
import { httpReport } from "./http-report";
import { runLoad } from "./load";
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

  // The health floor is measured first and last: the mean of the two
  // evens out a machine whose load drifts during the run.
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

  const results = { healthBefore, unique, duplicate, forged, healthAfter };
  const section = httpReport(context, {
    results: { ...results, limited, floor },
    rss,
    logLinesEach,
    loadAverage,
    profiles: context.profile.profileRoute ? await profileRoute(context) : [],
  });
  return { unique, section };
}

/** The load settings every HTTP run of this mode shares. */
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
