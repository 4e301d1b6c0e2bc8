import { receiveDelivery } from "../../lib/pipeline/receive-delivery";
import { deliveryStream } from "../deliveries";
import { benchReceiver, toDelivery } from "../in-process/receiver";
import { readWorkerOptions, reply } from "../worker-io";
import { usageAfterGc, type MemoryUsage } from "./usage";

interface Options {
  total: number;
  samples: number;
  /** Idempotency and tombstone caps; `null` keeps the defaults. */
  cap: number | null;
}

// Memory across many deliveries with unique event ids through the whole
// pipeline: 10,000 sandboxes at a time, each killed and replaced in turn,
// so idempotency records and tombstones pile up until their caps hold them.
const { total, samples, cap } = readWorkerOptions<Options>();
const caps: Record<string, string> =
  cap === null
    ? {}
    : {
        WEBHOOK_IDEMPOTENCY_MAX_ENTRIES: String(cap),
        WEBHOOK_TOMBSTONE_MAX_ENTRIES: String(cap),
      };
const { context, config, manager } = benchReceiver(caps);
const bodies = deliveryStream({ pool: 10_000, startMs: Date.now() - 60_000 });
const series: (MemoryUsage & { deliveries: number })[] = [];
const outcomes: Record<string, number> = {};
series.push({ deliveries: 0, ...usageAfterGc() });

for (let n = 0; n < total; n++) {
  const { result } = await receiveDelivery(toDelivery(bodies(n)), context);
  const outcome = result.body.success ? result.body.outcome : result.body.error;
  outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  if ((n + 1) % Math.floor(total / samples) === 0) {
    series.push({ deliveries: n + 1, ...usageAfterGc() });
  }
}

reply({
  series,
  outcomes,
  live: (await manager.list()).length,
  idempotencyCap: config.idempotencyMaxEntries,
  tombstoneCap: config.tombstoneMaxEntries,
});
