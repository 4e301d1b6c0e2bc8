import { randomUUID } from "node:crypto";
import { signE2b } from "@/lib/signature/sign";

export const SECRET = "whsec-admin-tests-0123456789abcdefghij";
export const TOKEN = "admin-token-for-tests-0123456789abcdef";

const TYPES = {
  created: "sandbox.lifecycle.created",
  updated: "sandbox.lifecycle.updated",
  paused: "sandbox.lifecycle.paused",
  resumed: "sandbox.lifecycle.resumed",
  killed: "sandbox.lifecycle.killed",
} as const;

export type ShortType = keyof typeof TYPES;

export interface EventOptions {
  /** Event time; defaults to now, so the replay guard accepts it. */
  at?: Date;
  data?: Record<string, unknown>;
  templateId?: string;
}

/** A webhook body in E2B's current (v2, snake_case) shape. */
export function eventBody(
  type: ShortType | `sandbox.${string}`,
  sandboxId: string,
  options: EventOptions = {},
): string {
  return JSON.stringify({
    id: randomUUID(),
    version: "v2",
    type: type in TYPES ? TYPES[type as ShortType] : type,
    timestamp: (options.at ?? new Date()).toISOString(),
    event_category: "lifecycle",
    event_label: "",
    event_data: options.data ?? {},
    sandbox_id: sandboxId,
    sandbox_execution_id: randomUUID(),
    sandbox_template_id: options.templateId ?? "base-python",
    sandbox_build_id: "",
    sandbox_team_id: "460355b3-4f64-48f9-9a16-4442817f79f5",
  });
}

/** The headers E2B sends with a delivery of `body`, signed with `secret`. */
export function deliveryHeaders(
  body: string,
  secret: string = SECRET,
): Record<string, string> {
  return {
    "content-type": "application/json",
    "e2b-signature": signE2b(secret, body),
    "e2b-signature-version": "v1",
    "e2b-delivery-id": randomUUID(),
    "e2b-webhook-id": "7d9b8f2e-0c1a-4b5d-9e6f-1a2b3c4d5e6f",
  };
}
