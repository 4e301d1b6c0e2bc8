import type { ExecutionSummary, NetworkEgress } from "../events/event";
import type {
  Sandbox,
  SandboxClocks,
  SandboxRecord,
  Tombstone,
} from "./sandbox";
import { sharedId } from "./shared-ids";

// The memory store keeps its own copies, so that no entry shares an object
// with an event, a listener or a caller. These copy exactly the nested
// values an entry holds; structuredClone did the same at many times the
// cost (a third of the pipeline's time: BENCHMARKS.md). Every field is
// spelled out, in one order, so that all entries share one hidden class
// with their properties inside the object: spreads and fields added later
// gave each entry two extra property arrays (150 bytes per sandbox).

type Nested = "metadata" | "execution" | "networkEgress";
type Flat = Exclude<keyof Sandbox, Nested>;
// Fails to compile when `Sandbox` gains a field that is neither a string nor
// null: the copies below would share it instead of copying it.
type NotFlat = {
  [K in Flat]-?: Sandbox[K] extends string | null ? never : K;
}[Flat];
const _flat: [NotFlat] extends [never] ? true : never = true;

/** A registry entry with nothing shared with `record`. */
export function copyRecord(record: SandboxRecord): SandboxRecord {
  return {
    sandboxId: record.sandboxId,
    state: record.state,
    teamId: sharedId(record.teamId),
    templateId: sharedId(record.templateId),
    buildId: sharedId(record.buildId),
    executionId: record.executionId,
    metadata: { ...record.metadata },
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    lastEventAt: record.lastEventAt,
    lastEventType: record.lastEventType,
    lastEventId: record.lastEventId,
    endAt: record.endAt,
    checkpointedAt: record.checkpointedAt,
    execution: copyExecution(record.execution),
    networkEgress: copyEgress(record.networkEgress),
    clocks: copyClocks(record.clocks),
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

// Absent clocks stay `undefined`, as own properties: one shape for all.
function copyClocks(clocks: SandboxClocks): SandboxClocks {
  return {
    first: clocks.first,
    last: clocks.last,
    state: clocks.state,
    execution: clocks.execution,
    metadata: clocks.metadata,
    endAt: clocks.endAt,
    egress: clocks.egress,
    checkpoint: clocks.checkpoint,
    usage: clocks.usage,
  };
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
