import { randomUUID } from "node:crypto";
import { signE2b } from "@/lib/signature/sign";

/**
 * Sends one `sandbox.lifecycle.created` delivery in E2B's current shape,
 * signed with `secret`, stamped now so the replay guard lets it through.
 */
export async function deliverCreated(
  baseUrl: string,
  secret: string,
): Promise<{ status: number; body: unknown }> {
  const payload = JSON.stringify({
    id: randomUUID(),
    version: "v2",
    type: "sandbox.lifecycle.created",
    timestamp: new Date().toISOString(),
    event_category: "lifecycle",
    event_label: "create",
    sandbox_id: `i${randomUUID().replaceAll("-", "").slice(0, 20)}`,
    sandbox_execution_id: randomUUID(),
    sandbox_template_id: "rki5dems9wqfm4r03t7g",
    sandbox_build_id: "",
    sandbox_team_id: randomUUID(),
  });
  const response = await fetch(`${baseUrl}/api/webhooks/e2b`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "e2b-signature": signE2b(secret, payload),
      "e2b-signature-version": "v1",
    },
    body: payload,
  });

  return { status: response.status, body: await response.json() };
}
