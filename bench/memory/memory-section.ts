import { loadavg } from "node:os";
import { runWorker } from "../children";
import type { BenchContext } from "../context";
import type { Section } from "../report/section";
import type { DeliverySeries } from "./flatness";
import { memoryReport, type SandboxFigures } from "./memory-report";
import { fillServer } from "./server-fill";

/** Section 3: RSS with many sandboxes, and across many deliveries. */
export async function memorySection(context: BenchContext): Promise<Section> {
  const loadAverage = loadavg();
  const worker = { core: context.cores.server, nodeArgs: ["--expose-gc"] };
  context.log("memory: 100k sandboxes in process");
  const sandboxes = await runWorker<SandboxFigures>(
    "memory/sandboxes-worker.ts",
    { count: context.profile.sandboxes },
    worker,
  );
  context.log("memory: deliveries with unique ids");
  const series = await runWorker<DeliverySeries>(
    "memory/deliveries-worker.ts",
    context.profile.deliveries,
    worker,
  );
  const server = context.profile.serverFill ? await fillServer(context) : null;

  return memoryReport({ sandboxes, series, server, loadAverage });
}
