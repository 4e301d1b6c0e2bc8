import type { Redis } from "ioredis";

/** Calls per command since Redis started, from `INFO commandstats`. */
export async function commandCalls(redis: Redis): Promise<Map<string, number>> {
  const info = await redis.info("commandstats");
  const calls = new Map<string, number>();
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    calls.set(match[1] ?? "", Number(match[2]));
  }
  return calls;
}

/** What changed between two readings, commands with no calls left out. */
export function callsBetween(
  before: Map<string, number>,
  after: Map<string, number>,
): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [command, calls] of after) {
    const added = calls - (before.get(command) ?? 0);
    if (added > 0) delta[command] = added;
  }
  return delta;
}
