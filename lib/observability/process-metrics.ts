import { collectDefaultMetrics, Registry } from "prom-client";

const PROCESS_REGISTRY = Symbol.for("e2b-webhook.process-metrics");
type Holder = typeof globalThis & { [PROCESS_REGISTRY]?: Registry };

/**
 * The process's CPU, memory, event-loop and GC metrics. Created once per
 * process: collecting them installs observers that a runtime reset (tests,
 * Next.js dev reloads) must not pile up.
 */
export function processRegistry(): Registry {
  const holder = globalThis as Holder;
  if (!holder[PROCESS_REGISTRY]) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    holder[PROCESS_REGISTRY] = registry;
  }
  return holder[PROCESS_REGISTRY];
}
