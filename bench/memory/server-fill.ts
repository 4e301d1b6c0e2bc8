import type { BenchContext } from "../context";
import { runLoad } from "../http/load";
import { startProduction } from "../http/production";

/** The production server's RSS before and after it tracks `count` sandboxes. */
export interface ServerFill {
  count: number;
  statuses: Record<string, number>;
  idleRss: number | null;
  filledRss: number | null;
}

/**
 * Sends `count` unique `created` deliveries to a fresh production server
 * (one new sandbox each) and reads its RSS from /proc before and after.
 */
export async function fillServer(context: BenchContext): Promise<ServerFill> {
  const count = context.profile.sandboxes;
  const server = await startProduction(
    context.standaloneDir,
    context.cores.server,
  );
  try {
    context.log(`memory: filling a production server with ${count} sandboxes`);
    await runLoad(context.cores, {
      url: server.url,
      scenario: "health",
      connections: 1,
      warmupSeconds: 0,
      durationSeconds: 2,
      prepared: 0,
    });
    const idleRss = server.rss();
    const fill = await runLoad(context.cores, {
      url: server.url,
      scenario: "fill",
      connections: 10,
      warmupSeconds: 0,
      durationSeconds: 0,
      prepared: count,
      amount: count,
    });
    return { count, statuses: fill.statuses, idleRss, filledRss: server.rss() };
  } finally {
    await server.stop();
  }
}
