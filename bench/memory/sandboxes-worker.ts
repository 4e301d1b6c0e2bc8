import { deliveryStream } from "../deliveries";
import { benchReceiver, toEvent } from "../in-process/receiver";
import { readWorkerOptions, reply } from "../worker-io";
import { usageAfterGc } from "./usage";

// RSS of a process whose registry tracks `count` sandboxes: each got its
// `created` event through SandboxManager.apply, as a delivery would.
const { count } = readWorkerOptions<{ count: number }>();
const { manager } = benchReceiver();
const bodies = deliveryStream({
  pool: count,
  startMs: Date.now() - 60_000,
  createOnly: true,
});
const before = usageAfterGc();

for (let n = 0; n < count; n++) {
  const { outcome } = await manager.apply(toEvent(bodies(n)));
  if (outcome !== "applied") throw new Error(`created was ${outcome}`);
}

// Read before listing: the list's 100,000 views would otherwise still be on
// the stack of this module's async frame when the collector runs.
const after = usageAfterGc();
reply({ count, tracked: (await manager.list()).length, before, after });
