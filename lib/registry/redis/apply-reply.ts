import { toSandbox, type Tombstone } from "../sandbox";
import type { StoreApplyResult } from "../store";
import type { Outcome } from "../transition";
import { decodeRecord } from "./record-codec";

const OUTCOMES: readonly string[] = [
  "applied",
  "duplicate",
  "stale",
  "ignored",
] satisfies Outcome[];

type Reason = NonNullable<StoreApplyResult["reason"]>;

/**
 * Reads the script's reply `{ outcome, reason, previous?, next?, tombstone? }`
 * into the result `MemoryStore.apply` gives for the same event; the entries
 * are decoded only `withEntries`. Throws on a reply of another shape: that
 * is a script and code out of step.
 */
export function readApplyReply(
  reply: unknown,
  withEntries = true,
): StoreApplyResult {
  if (!Array.isArray(reply) || !OUTCOMES.includes(String(reply[0]))) {
    throw new Error(`unexpected reply from the apply script: ${typeof reply}`);
  }

  const [outcome, reason, previousHash, nextHash, tombstoneJson] = reply as [
    Outcome,
    string,
    string[]?,
    string[]?,
    string?,
  ];
  if (outcome === "duplicate" || outcome === "ignored") {
    return { outcome, reason: reason as Reason };
  }

  const previousRecord =
    withEntries && previousHash && decodeRecord(previousHash);
  const previous = previousRecord ? toSandbox(previousRecord) : undefined;
  if (outcome === "stale") {
    return { outcome, reason: reason as Reason, previous };
  }

  const next = withEntries && nextHash && decodeRecord(nextHash);
  const tombstone: Tombstone | undefined = tombstoneJson
    ? JSON.parse(tombstoneJson)
    : undefined;
  return {
    outcome,
    previous,
    sandbox: next ? toSandbox(next) : undefined,
    tombstone,
  };
}
