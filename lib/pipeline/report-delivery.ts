import type { Logger } from "pino";
import type { SandboxEvent } from "../events/event";
import type { PayloadIssue } from "../events/normalise";
import type { HeaderReader } from "../signature/verify";
import type { DeliveryResult } from "./result";

/** What the receiver remembers of one delivery: never bodies or signatures. */
export interface DeliveryReport {
  receivedAt: string;
  status: number;
  /** `applied`, `duplicate`, `stale`, `ignored`, or the error code. */
  outcome: string;
  eventType: string | null;
  sandboxId: string | null;
  eventId: string | null;
  deliveryId: string | null;
  webhookId: string | null;
  durationMs: number;
}

const MAX_HEADER_ECHO = 128;
const MAX_ISSUES_LOGGED = 5;
const MAX_PATH_ECHO = 64;

export function describeDelivery(
  headers: HeaderReader,
  result: DeliveryResult,
  event: SandboxEvent | undefined,
  timing: { receivedAtMs: number; durationMs: number },
): DeliveryReport {
  const body = result.body;
  return {
    receivedAt: new Date(timing.receivedAtMs).toISOString(),
    status: result.status,
    outcome: body.success ? body.outcome : body.error,
    eventType: event?.type ?? null,
    sandboxId: event?.sandboxId ?? null,
    eventId: event?.id ?? null,
    deliveryId: headerValue(headers, "e2b-delivery-id"),
    webhookId: headerValue(headers, "e2b-webhook-id"),
    durationMs: Math.round(timing.durationMs * 1000) / 1000,
  };
}

/** One line per delivery; rejections at warn level with their reason. */
export function logDelivery(
  logger: Logger,
  report: DeliveryReport,
  result: DeliveryResult,
): void {
  const issues = result.body.success ? undefined : result.body.issues;
  const detail = result.detail ?? (issues && describeIssues(issues));
  const fields = { ...report, detail };
  if (result.body.success) {
    logger.info(fields, `delivery ${report.outcome}`);
  } else if (result.status >= 500) {
    logger.error(fields, `delivery failed: ${report.outcome}`);
  } else {
    logger.warn(fields, `delivery rejected: ${report.outcome}`);
  }
}

/**
 * `sandbox_id: must not be empty; ...`. Messages come from the schema and
 * never quote the body. Paths name the schema's fields, cut short anyway in
 * case one ever names a key the sender chose.
 */
function describeIssues(issues: PayloadIssue[]): string {
  const described = issues
    .slice(0, MAX_ISSUES_LOGGED)
    .map(({ path, message }) => {
      const where = path === "" ? "body" : path.slice(0, MAX_PATH_ECHO);
      return `${where}: ${message}`;
    });
  const more = issues.length - described.length;
  if (more > 0) described.push(`${more} more`);
  return described.join("; ");
}

// Header values come from the client: bound them before they reach logs.
function headerValue(headers: HeaderReader, name: string): string | null {
  const value = headers.get(name);
  return value === null ? null : value.slice(0, MAX_HEADER_ECHO);
}
