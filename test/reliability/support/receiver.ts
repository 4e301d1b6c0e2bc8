import type { Sandbox } from "@/lib/registry/sandbox";
import { ensureProductionBuild } from "../../support/production-build";
import { startServer, type RunningServer } from "../../support/server-process";

export const SECRET = "reliability-secret-0123456789abcdefghijkl";
export const ADMIN_TOKEN = "reliability-admin-token-0123456789abcd";

/** The production standalone server, with the suite's secret and token. */
export function startReceiver(
  env: Record<string, string> = {},
  port?: number,
): Promise<RunningServer> {
  return startServer({
    dir: ensureProductionBuild(),
    port,
    env: {
      E2B_WEBHOOK_SECRET: SECRET,
      WEBHOOK_ADMIN_TOKEN: ADMIN_TOKEN,
      LOG_LEVEL: "warn",
      ...env,
    },
  });
}

export const webhookUrl = (server: RunningServer) =>
  `${server.url}/api/webhooks/e2b`;

/** The registry as the server's read API shows it. */
export async function listedBy(server: RunningServer): Promise<Sandbox[]> {
  const response = await fetch(`${server.url}/api/sandboxes`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  if (response.status !== 200) {
    throw new Error(`GET /api/sandboxes answered ${response.status}`);
  }
  return ((await response.json()) as { sandboxes: Sandbox[] }).sandboxes;
}

/** What GET /api/sandboxes/{id} says of a sandbox: status and body. */
export async function sandboxOf(
  server: RunningServer,
  sandboxId: string,
): Promise<{ status: number; sandbox: unknown }> {
  const response = await fetch(
    `${server.url}/api/sandboxes/${encodeURIComponent(sandboxId)}`,
    { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
  );
  const body = (await response.json()) as { sandbox?: unknown };
  return { status: response.status, sandbox: body.sandbox };
}
