import type { Sandbox } from "@/lib/registry/sandbox";
import { ensureProductionBuild } from "../../support/production-build";
import { startServer, type RunningServer } from "../../support/server-process";

export const SECRET = "replica-test-secret-0123456789abcdefghij";
export const ADMIN_TOKEN = "replica-test-admin-token-0123456789";

/** A production server sharing the registry in Redis under `prefix`. */
export async function startReplica(
  redisUrl: string,
  prefix: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const server = await startServer({
    dir: ensureProductionBuild(),
    env: {
      E2B_WEBHOOK_SECRET: SECRET,
      WEBHOOK_ADMIN_TOKEN: ADMIN_TOKEN,
      REDIS_URL: redisUrl,
      WEBHOOK_REDIS_PREFIX: prefix,
      WEBHOOK_REDIS_TIMEOUT_MS: "1000",
      LOG_LEVEL: "warn",
      ...env,
    },
  });
  await healthStatus(server, 200);
  return server;
}

/** Waits until `/api/health` answers `status`; resolves to what it said. */
export async function healthStatus(
  server: RunningServer,
  status: number,
  timeoutMs = 20_000,
): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${server.url}/api/health`);
    const body: unknown = await response.json();
    if (response.status === status) return body;
    if (Date.now() > deadline) {
      throw new Error(`health stayed ${response.status}: ${server.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The registry as a replica's read API shows it. */
export async function listedBy(server: RunningServer): Promise<Sandbox[]> {
  const response = await fetch(`${server.url}/api/sandboxes`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  if (response.status !== 200) {
    throw new Error(`GET /api/sandboxes answered ${response.status}`);
  }
  const body = (await response.json()) as { sandboxes: Sandbox[] };
  return body.sandboxes;
}

export const webhookUrl = (server: RunningServer) =>
  `${server.url}/api/webhooks/e2b`;
