import { randomBytes } from "node:crypto";
import { ensureProductionBuild } from "../../test/support/production-build";
import {
  startServer,
  type RunningServer,
} from "../../test/support/server-process";

/** The demo's server, with the credentials generated for this run. */
export interface DemoServer {
  server: RunningServer;
  webhookUrl: string;
  secret: string;
  adminToken: string;
}

/**
 * Builds the standalone server when its sources changed since the last
 * build (the same once-per-change, locked build the tests use), then starts
 * it as production does, on a free port unless one is given.
 */
export async function startDemoServer(
  port: number | undefined,
): Promise<DemoServer> {
  const dir = ensureProductionBuild();
  const secret = randomBytes(32).toString("base64url");
  const adminToken = randomBytes(24).toString("base64url");
  const server = await startServer({
    dir,
    port,
    env: {
      E2B_WEBHOOK_SECRET: secret,
      WEBHOOK_ADMIN_TOKEN: adminToken,
      LOG_FORMAT: "json",
    },
  });

  return {
    server,
    webhookUrl: `${server.url}/api/webhooks/e2b`,
    secret,
    adminToken,
  };
}
