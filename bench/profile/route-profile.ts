import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../children";
import type { BenchContext } from "../context";
import { loadOptions } from "../http/http-section";
import { runLoad } from "../http/load";
import { startProduction, type BenchServer } from "../http/production";
import type { Scenario } from "../http/scenarios";
import { summariseProfile, type ProfileSummary } from "./summarise-profile";

const PRELOAD = new URL("cpu-profile-preload.mjs", import.meta.url).href;

export interface RouteProfile {
  scenario: Scenario;
  responses: number;
  summary: ProfileSummary;
}

/**
 * CPU profiles of the production server under the health route and under
 * unique deliveries, taken in a separate run from the measured ones (the
 * profiler slows the server down).
 */
export async function profileRoute(
  context: BenchContext,
): Promise<RouteProfile[]> {
  // BENCH_PROFILE_DIR keeps the .cpuprofile files (Chrome DevTools opens
  // them); otherwise they go once summarised.
  const kept = process.env.BENCH_PROFILE_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), "bench-profile-"));
  const server = await startProduction(
    context.standaloneDir,
    context.cores.server,
    {
      NODE_OPTIONS: `--import ${PRELOAD}`,
      BENCH_CPU_PROF_DIR: dir,
    },
  );
  try {
    const profiles: RouteProfile[] = [];
    for (const scenario of ["health", "unique"] as const) {
      context.log(`profile: ${scenario} under --cpu-prof`);
      profiles.push(await profileOne(context, server, scenario, dir));
    }
    return profiles;
  } finally {
    await server.stop();
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
}

async function profileOne(
  context: BenchContext,
  server: BenchServer,
  scenario: Scenario,
  dir: string,
): Promise<RouteProfile> {
  const options = { ...loadOptions(context), url: server.url, scenario };
  await runLoad(context.cores, {
    ...options,
    durationSeconds: options.warmupSeconds,
    warmupSeconds: 0,
  });
  await cut(server, dir);
  const result = await runLoad(context.cores, { ...options, warmupSeconds: 0 });
  const profile = await cut(server, dir);

  return {
    scenario,
    responses: result.responses,
    summary: summariseProfile(profile, join(ROOT, ".next/server")),
  };
}

// Asks the preload for the profile so far and waits until it is written.
async function cut(server: BenchServer, dir: string): Promise<string> {
  const profiles = () =>
    readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  const known = new Set(profiles());
  process.kill(server.pid, "SIGUSR2");
  for (let i = 0; i < 400; i++) {
    const fresh = profiles().find((name) => !known.has(name));
    if (fresh) return join(dir, fresh);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the server wrote no CPU profile");
}
