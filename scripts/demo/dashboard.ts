import type { DemoServer } from "./server";

/** Where to watch the registry, and how to send it more deliveries. */
export function formatDashboard(demo: DemoServer, kept: boolean): string[] {
  const lines = [
    `  URL          ${demo.server.url}/`,
    `  Admin token  ${demo.adminToken}`,
  ];
  if (!kept) {
    return [
      ...lines,
      "",
      "The server has stopped. Run `pnpm demo --keep` to keep it up and open the dashboard.",
    ];
  }

  return [
    ...lines,
    `  Webhook      ${demo.webhookUrl}`,
    `  Secret       ${demo.secret}`,
    "",
    `Send more: pnpm tsx test-e2b-webhook.ts --url ${demo.webhookUrl} --secret ${demo.secret}`,
    "Press Ctrl+C to stop the server.",
  ];
}
