import { UsageError } from "./io";

/** Where the receiver's route answers deliveries. */
export const WEBHOOK_PATH = "/api/webhooks/e2b";

export interface WebhookUrlChecks {
  /** Accept `http://` too (`--allow-http`). */
  allowHttp: boolean;
  /** Accept a path other than the webhook path (`--allow-other-path`). */
  allowOtherPath: boolean;
}

/**
 * Reads `--url`: https, a path without a trailing slash, ending in the
 * receiver's webhook path unless allowed otherwise. Throws a `UsageError`
 * naming the fix: E2B counts only a 2xx as delivered, so a URL that
 * redirects or misses the route loses every event.
 */
export function readWebhookUrl(raw: string, checks: WebhookUrlChecks): string {
  const text = raw.trim();
  if (!URL.canParse(text)) {
    throw new UsageError(`--url "${raw}" is not a valid URL`);
  }
  const url = new URL(text);
  checkProtocol(url.protocol, checks.allowHttp);
  checkPath(url, checks.allowOtherPath);

  return text;
}

function checkProtocol(protocol: string, allowHttp: boolean): void {
  if (protocol === "https:") return;

  if (protocol === "http:" && allowHttp) return;
  if (protocol === "http:") {
    throw new UsageError(
      `--url uses http: E2B would send events and their signatures in clear text. Use https, or pass --allow-http for a local test.`,
    );
  }
  throw new UsageError(`--url must be an https URL, got ${protocol}`);
}

function checkPath(url: URL, allowOtherPath: boolean): void {
  // Next.js answers a trailing slash with a 308 to the URL without it, and
  // E2B does not follow redirects: each delivery would count as failed.
  if (url.pathname !== "/" && url.pathname.endsWith("/")) {
    const fixed = new URL(url);
    fixed.pathname = url.pathname.replace(/\/+$/, "");
    throw new UsageError(
      `--url ${url.href} ends with "/": the receiver redirects it (308) to ${fixed.href}, and E2B counts a redirect as a failed delivery. Use that URL (--url=${fixed.href}).`,
      "trailing_slash",
    );
  }

  // A proxy or a Next.js basePath may put a prefix before the route.
  if (url.pathname.endsWith(WEBHOOK_PATH) || allowOtherPath) return;
  throw new UsageError(
    `--url ${url.href} does not end with the receiver's webhook path ${WEBHOOK_PATH}: E2B would deliver where no route answers. Use --url=${new URL(WEBHOOK_PATH, url).href}, or pass --allow-other-path if a proxy maps this path to the receiver.`,
    "unexpected_webhook_path",
  );
}
