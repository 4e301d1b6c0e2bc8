import type { Sandbox, SandboxClocks, SandboxRecord } from "../sandbox";

/** Every field of `Sandbox`, each stored in the hash as JSON text. */
const SANDBOX_FIELDS = [
  "sandboxId",
  "state",
  "teamId",
  "templateId",
  "buildId",
  "executionId",
  "metadata",
  "createdAt",
  "updatedAt",
  "lastEventAt",
  "lastEventType",
  "lastEventId",
  "endAt",
  "checkpointedAt",
  "execution",
  "networkEgress",
] as const satisfies readonly (keyof Sandbox)[];

const CLOCKS = [
  "first",
  "last",
  "state",
  "execution",
  "metadata",
  "endAt",
  "egress",
  "checkpoint",
  "usage",
] as const satisfies readonly (keyof SandboxClocks)[];

// Fails to compile when `Sandbox` or `SandboxClocks` gains a field that the
// lists above (and so the hash) would silently drop.
type Missing =
  | Exclude<keyof Sandbox, (typeof SANDBOX_FIELDS)[number]>
  | Exclude<keyof SandboxClocks, (typeof CLOCKS)[number]>;
const _complete: [Missing] extends [never] ? true : never = true;

/** A registry entry as the flat field/value list `HSET` takes. */
export function encodeRecord(record: SandboxRecord): string[] {
  const flat: string[] = [];
  for (const field of SANDBOX_FIELDS) {
    flat.push(field, JSON.stringify(record[field]));
  }
  for (const clock of CLOCKS) {
    const key = record.clocks[clock];
    if (key !== undefined) flat.push(`clock:${clock}`, key);
  }
  return flat;
}

/**
 * A registry entry from its hash, as `HGETALL` (an object) or the script (a
 * flat list) returns it; `undefined` when the hash is empty.
 */
export function decodeRecord(
  hash: Record<string, string> | string[],
): SandboxRecord | undefined {
  const fields = Array.isArray(hash) ? pairs(hash) : hash;
  if (fields.sandboxId === undefined) return undefined;

  const record: Record<string, unknown> = {};
  for (const field of SANDBOX_FIELDS) {
    record[field] = JSON.parse(fields[field] ?? "null");
  }
  const clocks: SandboxClocks = {};
  for (const clock of CLOCKS) {
    const key = fields[`clock:${clock}`];
    if (key !== undefined) clocks[clock] = key;
  }
  return { ...(record as unknown as Sandbox), clocks };
}

function pairs(flat: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) {
    fields[flat[i] as string] = flat[i + 1] as string;
  }
  return fields;
}
