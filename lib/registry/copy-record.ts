import type { ExecutionSummary, NetworkEgress } from "../events/event";
import type { Sandbox, SandboxRecord, Tombstone } from "./sandbox";

// The memory store keeps its own copies, so that no entry shares an object
// with an event, a listener or a caller. These copy exactly the nested
// values an entry holds; structuredClone did the same at many times the
// cost (a third of the pipeline's time: BENCHMARKS.md).

type Nested = "metadata" | "execution" | "networkEgress";
type Flat = Exclude<keyof Sandbox, Nested>;
// Fails to compile when `Sandbox` gains a field that is neither a string nor
// null: the spreads below would share it instead of copying it.
type NotFlat = {
  [K in Flat]-?: Sandbox[K] extends string | null ? never : K;
}[Flat];
const _flat: [NotFlat] extends [never] ? true : never = true;

/** A registry entry with nothing shared with `record`. */
export function copyRecord(record: SandboxRecord): SandboxRecord {
  return {
    ...record,
    metadata: { ...record.metadata },
    execution: copyExecution(record.execution),
    networkEgress: copyEgress(record.networkEgress),
    clocks: { ...record.clocks },
  };
}

/** The public view of an entry (no clocks), sharing nothing with it. */
export function viewRecord(record: SandboxRecord): Sandbox {
  const { clocks: _clocks, ...sandbox } = record;
  sandbox.metadata = { ...record.metadata };
  sandbox.execution = copyExecution(record.execution);
  sandbox.networkEgress = copyEgress(record.networkEgress);
  return sandbox;
}

/** Tombstones hold only strings and nulls. */
export function copyTombstone(tombstone: Tombstone): Tombstone {
  return { ...tombstone };
}

function copyExecution(
  execution: ExecutionSummary | null,
): ExecutionSummary | null {
  return execution && { ...execution };
}

function copyEgress(egress: NetworkEgress | null): NetworkEgress | null {
  if (!egress) return null;

  return {
    allowedCidrs: egress.allowedCidrs && [...egress.allowedCidrs],
    deniedCidrs: egress.deniedCidrs && [...egress.deniedCidrs],
    allowedDomains: egress.allowedDomains && [...egress.allowedDomains],
  };
}
