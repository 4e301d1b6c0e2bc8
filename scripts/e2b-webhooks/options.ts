import { LIFECYCLE_EVENT_TYPES } from "../../lib/events/types";
import { EnvironmentError, UsageError } from "./io";

/** E2B's dashboard asked for secrets of 32 characters or more. */
export const MIN_SECRET_LENGTH = 32;

/** Accepts `https://` only, or `http://` too when explicitly allowed. */
export function readWebhookUrl(raw: string, allowHttp: boolean): string {
  if (!URL.canParse(raw)) {
    throw new UsageError(`--url "${raw}" is not a valid URL`);
  }
  const { protocol } = new URL(raw);
  if (protocol === "https:") return raw;

  if (protocol === "http:" && allowHttp) return raw;
  if (protocol === "http:") {
    throw new UsageError(
      `--url uses http: E2B would send events and their signatures in clear text. Use https, or pass --allow-http for a local test.`,
    );
  }
  throw new UsageError(`--url must be an https URL, got ${protocol}`);
}

/** The signing secret from E2B_WEBHOOK_SECRET, trimmed as the receiver does. */
export function readSecret(
  env: Record<string, string | undefined>,
  allowShort: boolean,
): string {
  const secret = env.E2B_WEBHOOK_SECRET?.trim() ?? "";
  if (secret === "") {
    throw new EnvironmentError(
      "E2B_WEBHOOK_SECRET is not set: export the same secret the receiver uses (generate one with `openssl rand -base64 32`).",
    );
  }
  if (secret.length < MIN_SECRET_LENGTH && !allowShort) {
    throw new UsageError(
      `E2B_WEBHOOK_SECRET has ${secret.length} characters; use at least ${MIN_SECRET_LENGTH} (or pass --allow-short-secret).`,
    );
  }
  return secret;
}

/**
 * Reads `--events a,b`: full type names, or the short form (`killed`).
 * Unknown names pass through so new E2B types need no new release.
 */
export function readEvents(raw: string | undefined): string[] {
  if (raw === undefined) return [...LIFECYCLE_EVENT_TYPES];

  const names = raw
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) {
    throw new UsageError("--events needs at least one event type");
  }
  return [...new Set(names.map(expandEventName))];
}

function expandEventName(name: string): string {
  const full = `sandbox.lifecycle.${name}`;
  return (LIFECYCLE_EVENT_TYPES as readonly string[]).includes(full)
    ? full
    : name;
}

export function readLimit(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;

  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1 || limit > 100) {
    throw new UsageError(
      `--limit must be a whole number from 1 to 100, got "${raw}"`,
    );
  }
  return limit;
}
