import { runWorker } from "../children";
import type { CorePlan } from "../cores";
import type { LoadOptions } from "./autocannon-worker";
import type { LoadResult } from "./load-result";

/** Runs autocannon in its own process on the load core. */
export function runLoad(
  cores: CorePlan,
  options: LoadOptions,
): Promise<LoadResult> {
  return runWorker<LoadResult>("http/autocannon-worker.ts", options, {
    core: cores.load,
  });
}
