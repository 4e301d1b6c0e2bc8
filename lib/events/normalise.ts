import { createHash } from "node:crypto";
import type { z } from "zod";
import type { EventShape, SandboxEvent } from "./event";
import { readEventData } from "./event-data";
import {
  camelCaseBody,
  snakeCaseBody,
  type CamelCaseBody,
  type SnakeCaseBody,
} from "./schema";
import { eventTimeFromEpoch, parseEventTime } from "./timestamp";
import { canonicalType, typeFromLabel } from "./types";

export interface PayloadIssue {
  /** Dotted path into the body, `""` for the body itself. */
  path: string;
  message: string;
}

export type NormaliseResult =
  { ok: true; event: SandboxEvent } | { ok: false; issues: PayloadIssue[] };

/**
 * Turns a parsed body of any accepted shape into one `SandboxEvent`.
 *
 * @param body the parsed JSON
 * @param payload the raw bytes it was parsed from (the legacy shape's id)
 * @param receivedAtMs the time to use when the body carries none
 */
export function normaliseEvent(
  body: unknown,
  payload: Uint8Array,
  receivedAtMs: number,
): NormaliseResult {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return invalid("", "the body must be a JSON object");
  }

  return Object.hasOwn(body, "sandbox_id")
    ? fromSnakeCase(body, payload, receivedAtMs)
    : fromCamelCase(body, payload, receivedAtMs);
}

function fromSnakeCase(
  body: object,
  payload: Uint8Array,
  receivedAtMs: number,
): NormaliseResult {
  const parsed = snakeCaseBody.safeParse(body);
  if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) };

  const b: SnakeCaseBody = parsed.data;
  return assemble("e2b", payload, receivedAtMs, {
    id: b.id,
    type: b.type,
    category: b.event_category,
    label: b.event_label,
    timestamp: b.timestamp,
    data: b.event_data,
    sandboxId: b.sandbox_id,
    executionId: b.sandbox_execution_id,
    templateId: b.sandbox_template_id,
    buildId: b.sandbox_build_id,
    teamId: b.sandbox_team_id,
  });
}

function fromCamelCase(
  body: object,
  payload: Uint8Array,
  receivedAtMs: number,
): NormaliseResult {
  const parsed = camelCaseBody.safeParse(body);
  if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) };

  const b: CamelCaseBody = parsed.data;
  const shape = b.type || b.id ? "camel" : "legacy";
  return assemble(shape, payload, receivedAtMs, {
    id: b.id,
    type: b.type,
    category: b.eventCategory,
    label: b.eventLabel,
    timestamp: b.timestamp,
    data: b.eventData,
    sandboxId: b.sandboxId,
    executionId: b.sandboxExecutionId,
    templateId: b.sandboxTemplateId,
    buildId: b.sandboxBuildId,
    teamId: b.sandboxTeamId,
  });
}

type Optional = string | null | undefined;

interface CommonFields {
  id: Optional;
  type: Optional;
  category: Optional;
  label: Optional;
  timestamp: Optional;
  data: unknown;
  sandboxId: string;
  executionId: Optional;
  templateId: Optional;
  buildId: Optional;
  teamId: Optional;
}

function assemble(
  shape: EventShape,
  payload: Uint8Array,
  receivedAtMs: number,
  fields: CommonFields,
): NormaliseResult {
  if (!fields.type && !fields.label) {
    return invalid("type", "a type (or a legacy eventLabel) is required");
  }

  const time = fields.timestamp
    ? parseEventTime(fields.timestamp)
    : eventTimeFromEpoch(receivedAtMs);
  if (time === null) {
    return invalid("timestamp", "must be an RFC 3339 timestamp");
  }

  const type = fields.type
    ? canonicalType(fields.type)
    : typeFromLabel(fields.category ?? "", fields.label ?? "");
  const event: SandboxEvent = {
    id: fields.id || sha256Hex(payload),
    type,
    shape,
    sandboxId: fields.sandboxId,
    time,
    data: readEventData(fields.data, type),
  };
  assignPresent(event, "executionId", fields.executionId);
  assignPresent(event, "teamId", fields.teamId);
  assignPresent(event, "templateId", fields.templateId);
  assignPresent(event, "buildId", fields.buildId);

  return { ok: true, event };
}

function assignPresent(
  event: SandboxEvent,
  key: "executionId" | "teamId" | "templateId" | "buildId",
  value: Optional,
): void {
  if (value) event[key] = value;
}

function sha256Hex(payload: Uint8Array): string {
  return createHash("sha256").update(payload).digest("hex");
}

function toIssues(error: z.ZodError): PayloadIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
}

function invalid(path: string, message: string): NormaliseResult {
  return { ok: false, issues: [{ path, message }] };
}
