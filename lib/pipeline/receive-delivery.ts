import type { SandboxEvent } from "../events/event";
import { normaliseEvent } from "../events/normalise";
import { labelOf } from "../events/types";
import {
  limitFailedAuth,
  limitTeam,
  type DeliveryLimits,
} from "../rate-limit/delivery-limits";
import type { SandboxManager } from "../registry/sandbox-manager";
import type { StoreApplyResult } from "../registry/store";
import {
  SIGNATURE_HEADER_NAMES,
  verifySignature,
  type HeaderReader,
} from "../signature/verify";
import { parseJson } from "./parse-json";
import { failure, type DeliveryResult } from "./result";

export interface Delivery {
  headers: HeaderReader;
  /** The raw body, read once: verified and parsed as the same bytes. */
  payload: Uint8Array;
  /** The client's IP address, for rate limits; `null` when unknown. */
  clientAddress?: string | null;
}

export interface ReceiverContext {
  /** The accepted secrets; empty refuses every delivery. */
  secrets: readonly string[];
  manager: SandboxManager;
  now: () => number;
  /** Rate limits; none when absent. */
  limits?: DeliveryLimits;
}

/** A delivery's result, with the event when it got that far. */
export interface Received {
  result: DeliveryResult;
  event?: SandboxEvent;
}

/**
 * The framework-free receiving pipeline after the body is read: secret,
 * signature, JSON, schema, registry, each rung returning early.
 */
export async function receiveDelivery(
  delivery: Delivery,
  context: ReceiverContext,
): Promise<Received> {
  if (context.secrets.length === 0) {
    return {
      result: failure(
        "not_configured",
        "The receiver has no webhook secret configured",
        {
          detail: "set E2B_WEBHOOK_SECRET",
        },
      ),
    };
  }

  const signature = verifySignature(
    delivery.headers,
    delivery.payload,
    context.secrets,
  );
  if (!signature.ok) {
    // Verified first even from a limited address: only requests that fail
    // verification are counted and refused, never an authentic delivery.
    const limited = await limitFailedAuth(
      context.limits,
      delivery.clientAddress ?? null,
    );
    if (limited) return { result: limited };

    const message =
      signature.reason === "missing_signature"
        ? `No signature header: expected one of ${SIGNATURE_HEADER_NAMES.join(", ")}`
        : "The signature does not match this body and secret";
    return {
      result: failure(signature.reason, message, { detail: signature.detail }),
    };
  }

  const json = parseJson(delivery.payload);
  if (!json.ok) {
    return {
      result: failure("invalid_json", "The body is not valid JSON", {
        detail: json.detail,
      }),
    };
  }

  const normalised = normaliseEvent(
    json.value,
    delivery.payload,
    context.now(),
  );
  if (!normalised.ok) {
    return {
      result: failure(
        "invalid_payload",
        "The body is not a sandbox lifecycle event",
        {
          issues: normalised.issues,
        },
      ),
    };
  }

  const event = normalised.event;
  const limited = await limitTeam(context.limits, event.teamId);
  if (limited) return { result: limited, event };

  return { result: await applyEvent(event, context.manager), event };
}

async function applyEvent(
  event: SandboxEvent,
  manager: SandboxManager,
): Promise<DeliveryResult> {
  let applied: StoreApplyResult;
  try {
    applied = await manager.apply(event);
  } catch (error) {
    return failure("unavailable", "The registry is unavailable; retry later", {
      detail: error instanceof Error ? error.message : String(error),
    });
  }

  return {
    status: 200,
    body: {
      success: true,
      outcome: applied.outcome,
      message: describeOutcome(event, applied),
      eventId: event.id,
      eventType: event.type,
      sandboxId: event.sandboxId,
      timestamp: event.time.text,
    },
    detail: applied.reason,
  };
}

const STALE_REASONS: Record<string, string> = {
  killed: "the sandbox was already killed",
  too_old: "older than WEBHOOK_MAX_EVENT_AGE_SECONDS allows",
  superseded: "a newer event for this sandbox was already applied",
};

function describeOutcome(
  event: SandboxEvent,
  applied: StoreApplyResult,
): string {
  const label = labelOf(event.type);
  switch (applied.outcome) {
    case "applied":
      return `Event ${label} processed successfully`;
    case "duplicate":
      return `Event ${label} was already processed`;
    case "stale":
      return `Event ${label} is stale: ${STALE_REASONS[applied.reason ?? ""] ?? applied.reason}`;
    case "ignored":
      return `Event type ${event.type} is not handled; acknowledged`;
  }
}
