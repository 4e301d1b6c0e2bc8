import { z } from "zod";

/** Identifiers are opaque, but bounded so a body cannot bloat the registry. */
export const MAX_IDENTIFIER_LENGTH = 256;

const identifier = z
  .string({ error: "must be a string" })
  .max(
    MAX_IDENTIFIER_LENGTH,
    `must be at most ${MAX_IDENTIFIER_LENGTH} characters`,
  );
const optionalIdentifier = identifier.nullish();
const sandboxId = z
  .string({
    error: (issue) =>
      issue.input === undefined ? "is required" : "must be a string",
  })
  .min(1, "must not be empty")
  .max(
    MAX_IDENTIFIER_LENGTH,
    `must be at most ${MAX_IDENTIFIER_LENGTH} characters`,
  );
const timestamp = z
  .string({ error: "must be an RFC 3339 timestamp string" })
  .max(64, "must be an RFC 3339 timestamp")
  .nullish();

/** E2B's webhook body today (PROTOCOL.md section 2a). Unknown keys are dropped. */
export const snakeCaseBody = z.object({
  id: optionalIdentifier,
  type: optionalIdentifier,
  timestamp,
  event_category: optionalIdentifier,
  event_label: optionalIdentifier,
  event_data: z.unknown().optional(),
  sandbox_id: sandboxId,
  sandbox_execution_id: optionalIdentifier,
  sandbox_template_id: optionalIdentifier,
  sandbox_build_id: optionalIdentifier,
  sandbox_team_id: optionalIdentifier,
});

/**
 * The events API's records and the setup guide's legacy body (PROTOCOL.md
 * sections 2b and 2c): the legacy one is this shape without `id` and `type`.
 */
export const camelCaseBody = z.object({
  id: optionalIdentifier,
  type: optionalIdentifier,
  timestamp,
  eventCategory: optionalIdentifier,
  eventLabel: optionalIdentifier,
  eventData: z.unknown().optional(),
  sandboxId,
  sandboxExecutionId: optionalIdentifier,
  sandboxTemplateId: optionalIdentifier,
  sandboxBuildId: optionalIdentifier,
  sandboxTeamId: optionalIdentifier,
});

const stringList = z.array(z.string().max(1024)).max(10_000).nullish();

/**
 * Known `event_data` entries (PROTOCOL.md section 4). Each is parsed on its
 * own and dropped when it does not fit, so a change in optional detail never
 * costs an authentic event.
 */
export const eventDataFields = {
  metadata: z.record(z.string().max(1024), z.string().max(65_536)),
  execution: z.object({
    started_at: z.string().max(64).optional(),
    vcpu_count: z.number().finite().optional(),
    memory_mb: z.number().finite().optional(),
    execution_time: z.number().finite().optional(),
  }),
  killReason: identifier,
  setTimeout: z.string().max(64),
  networkEgress: z.object({
    allowed_cidrs: stringList,
    denied_cidrs: stringList,
    allowed_domains: stringList,
  }),
};

export type SnakeCaseBody = z.infer<typeof snakeCaseBody>;
export type CamelCaseBody = z.infer<typeof camelCaseBody>;
