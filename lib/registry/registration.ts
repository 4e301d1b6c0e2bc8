import type { Sandbox, SandboxRecord, Tombstone } from "./sandbox";

/**
 * What `register` did: added the entry (`created`), filled gaps in the one
 * events had already made, or refused because the sandbox was killed.
 */
export type RegisterResult =
  | { ok: true; created: boolean; sandbox: Sandbox }
  | { ok: false; reason: "killed"; tombstone: Tombstone };

/** The identifiers an event fills when still unknown; register does too. */
const IDENTIFIERS = ["teamId", "templateId", "buildId", "executionId"] as const;

/**
 * An existing entry with the gaps filled from what the app registered: null
 * identifiers and empty metadata. The state, the event times and the
 * ordering keys stay as events left them, so the entry ends the same
 * whether the app registers before or after E2B's events arrive (but for
 * `updatedAt`). The Redis register script mirrors this. Returns `current`
 * itself when nothing was missing.
 */
export function mergeRegistration(
  current: SandboxRecord,
  registered: SandboxRecord,
): SandboxRecord {
  const next: SandboxRecord = { ...current };
  let filled = false;
  for (const field of IDENTIFIERS) {
    const value = registered[field];
    if (value !== null && next[field] === null) {
      next[field] = value;
      filled = true;
    }
  }
  // A map, not per key: the next event that carries metadata replaces the
  // whole map, so keys merged in here would vanish at a time nobody chose.
  if (isEmpty(next.metadata) && !isEmpty(registered.metadata)) {
    next.metadata = registered.metadata;
    filled = true;
  }
  if (!filled) return current;

  next.updatedAt = registered.updatedAt;
  return next;
}

function isEmpty(metadata: Record<string, string>): boolean {
  return Object.keys(metadata).length === 0;
}
