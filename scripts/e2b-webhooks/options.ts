import {
  isLifecycleEventType,
  LIFECYCLE_EVENT_TYPES,
  type LifecycleEventType,
} from "../../lib/events/types";
import { EnvironmentError, UsageError } from "./io";

/** E2B's dashboard asked for secrets of 32 characters or more. */
export const MIN_SECRET_LENGTH = 32;

const TYPE_PREFIX = "sandbox.lifecycle.";

/** `--name`: E2B's list shows it, so a blank one leaves a row unlabelled. */
export function readName(raw: string): string {
  if (raw.trim() === "") {
    throw new UsageError(
      "--name is blank: give the webhook a label, such as --name staging",
    );
  }
  return raw;
}

/** The signing secret from E2B_WEBHOOK_SECRET, trimmed as the receiver does. */
export function readSecret(
  env: Record<string, string | undefined>,
  allowShort: boolean,
): string {
  const secret = env.E2B_WEBHOOK_SECRET?.trim() ?? "";
  if (secret === "") {
    throw new EnvironmentError(
      "E2B_WEBHOOK_SECRET is not set: put the receiver's secret in .env.local or export it (generate a new one with `openssl rand -hex 32`).",
      "missing_secret",
    );
  }
  if (secret.length < MIN_SECRET_LENGTH && !allowShort) {
    throw new UsageError(
      `E2B_WEBHOOK_SECRET has ${secret.length} characters; use at least ${MIN_SECRET_LENGTH} (or pass --allow-short-secret).`,
      "secret_too_short",
    );
  }
  return secret;
}

/**
 * Reads `--events a,b`: full type names, or the short form (`killed`).
 * Throws a `UsageError` naming the valid types for any other name: E2B
 * accepts any string, so a typo would register a type no event ever has.
 */
export function readEvents(raw: string | undefined): LifecycleEventType[] {
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

function expandEventName(name: string): LifecycleEventType {
  if (isLifecycleEventType(name)) return name;

  const full = `${TYPE_PREFIX}${name}`;
  if (isLifecycleEventType(full)) return full;

  const valid = LIFECYCLE_EVENT_TYPES.map((type) =>
    type.slice(TYPE_PREFIX.length),
  ).join(", ");
  throw new UsageError(
    `--events: unknown event type "${name}". Valid: ${valid} (or in full, such as ${TYPE_PREFIX}killed).`,
  );
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
