import type { Halt } from "./from-receiver";
import type { CheckResult } from "./check";

const WEBHOOK_PATH = "/api/webhooks/e2b";

/**
 * What the person running the checks should do next, one paragraph per
 * problem seen: said once, after the check lines, never per check.
 */
export function closingHints(
  results: readonly CheckResult[],
  url: string,
  secretSource: string,
): string[] {
  const hints: string[] = [];
  const halt = results.at(-1)?.halt;
  if (halt) hints.push(haltHint(halt, url));

  const refused = results.filter((r) => !r.ok).map((r) => r.got);
  if (refused.includes("401 invalid_signature")) {
    hints.push(
      `The receiver refused deliveries signed with the secret from ${secretSource}: it must equal the server's E2B_WEBHOOK_SECRET (restart the server after changing .env.local).`,
    );
  }
  if (refused.includes("429 rate_limited")) {
    hints.push(
      "The receiver is rate-limiting these deliveries (429 rate_limited; its message says which limit): wait a minute and run again.",
    );
  }

  return hints;
}

function haltHint(halt: Halt, url: string): string {
  switch (halt.kind) {
    case "unreachable":
      return `Cannot reach ${url}. Is the receiver running? Start it with \`pnpm dev\` (or \`pnpm demo --keep\`) and pass its URL with --url.`;
    case "redirected":
      return halt.location
        ? `The URL redirects (${halt.status}) to ${halt.location}: use that URL (--url=${halt.location}). Deliveries are never sent on through a redirect.`
        : `The URL redirects (${halt.status}) without saying where: pass the receiver's own URL with --url.`;
    case "not_receiver":
      return `${url} did not answer like the receiver: it answered HTTP ${halt.status} (${halt.contentType}), where the receiver answers a JSON body with "success". Check the URL: the receiver's webhook path is ${WEBHOOK_PATH}.`;
    case "not_webhook":
      return `${url} is not the receiver's webhook endpoint: it answered ${halt.status} ${halt.error}. Use the webhook path (--url=${webhookUrl(url)}).`;
  }
}

function webhookUrl(url: string): string {
  return URL.canParse(url) ? new URL(WEBHOOK_PATH, url).href : WEBHOOK_PATH;
}
