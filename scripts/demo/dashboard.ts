import type { DemoServer } from "./server";

/** The last words of a demo that stopped its server: how to keep it up. */
export const STOPPED_LINE =
  "The server has stopped. To open the dashboard, keep it up with `pnpm demo --keep`.";

/**
 * Where to watch the registry, and how to send it more deliveries: only
 * for a server kept up, since a stopped one serves neither.
 */
export function formatDashboard(demo: DemoServer): string[] {
  const url = `--url=${demo.webhookUrl}`;
  const secret = `--secret=${demo.secret}`;

  return [
    `  URL          ${demo.server.url}/`,
    `  Admin token  ${demo.adminToken}`,
    `  Webhook      ${demo.webhookUrl}`,
    `  Secret       ${demo.secret}`,
    "",
    `Send more: pnpm tsx test-e2b-webhook.ts ${url} ${secret}`,
    "Press Ctrl+C to stop the server.",
  ];
}
