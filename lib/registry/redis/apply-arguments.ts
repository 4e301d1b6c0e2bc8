import type { SandboxEvent } from "../../events/event";
import { tombstoneOf } from "../sandbox";
import { orderKey, type TransitionContext } from "../transition";

const KILLED = "sandbox.lifecycle.killed";

export interface ApplyTtls {
  idempotencyTtlMs: number;
  tombstoneTtlMs: number;
}

/**
 * The script's `ARGV` for one event, in the order apply-script.ts reads
 * them. Optional values the rules skip when falsy travel as `""`, exactly
 * as `transition()` skips them.
 */
export function applyArguments(
  event: SandboxEvent,
  context: TransitionContext,
  ttls: ApplyTtls,
): string[] {
  const { data } = event;
  return [
    event.id,
    event.type,
    orderKey(event),
    event.time.key,
    String(event.time.epochMs),
    String(context.nowMs),
    context.maxEventAgeMs === null ? "" : String(context.maxEventAgeMs),
    String(Math.max(1, Math.ceil(ttls.idempotencyTtlMs))),
    String(Math.max(1, Math.ceil(ttls.tombstoneTtlMs))),
    event.type === KILLED ? JSON.stringify(tombstoneOf(event)) : "",
    JSON.stringify(event.sandboxId),
    JSON.stringify(event.type),
    JSON.stringify(event.id),
    JSON.stringify(event.time.text),
    JSON.stringify(new Date(context.nowMs).toISOString()),
    present(event.executionId),
    present(event.teamId),
    present(event.templateId),
    present(event.buildId),
    present(data.metadata),
    present(data.setTimeout),
    present(data.networkEgress),
    present(data.execution),
  ];
}

function present(value: unknown): string {
  return value ? JSON.stringify(value) : "";
}
