import { signE2b } from "@/lib/signature/sign";

/**
 * The webhook E2B would have sent for an events API record: the same event
 * (same id) in the snake_case body shape, signed with `secret`.
 */
export function webhookFor(
  record: Record<string, unknown>,
  secret: string,
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    id: record.id,
    version: "v2",
    type: record.type,
    timestamp: record.timestamp,
    event_category: record.eventCategory,
    event_label: record.eventLabel,
    event_data: record.eventData ?? undefined,
    sandbox_id: record.sandboxId,
    sandbox_execution_id: record.sandboxExecutionId,
    sandbox_template_id: record.sandboxTemplateId,
    sandbox_build_id: record.sandboxBuildId,
    sandbox_team_id: record.sandboxTeamId,
  });
  return {
    body,
    headers: {
      "content-type": "application/json",
      "e2b-signature-version": "v1",
      "e2b-signature": signE2b(secret, body),
    },
  };
}
