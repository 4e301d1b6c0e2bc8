import { normaliseEvent } from "../../lib/events/normalise";
import { parseJson } from "../../lib/pipeline/parse-json";
import { receiveDelivery } from "../../lib/pipeline/receive-delivery";
import { verifySignature } from "../../lib/signature/verify";
import { deliveryStream } from "../deliveries";
import { readWorkerOptions, reply } from "../worker-io";
import { measureBatched, type Rate } from "./measure";
import { benchReceiver, toDelivery, toEvent } from "./receiver";

interface Options {
  total: number;
  warmup: number;
  /** A subset of steps to run, such as `["apply"]` under `--cpu-prof`. */
  only?: string[];
}

// Runs in its own process, pinned to one core by the parent: each step
// over the same kind of deliveries, one at a time.
const { total, warmup, only } = readWorkerOptions<Options>();
const bodies = deliveryStream({ pool: 10_000, startMs: Date.now() - 60_000 });
const range = <T>(from: number, to: number, make: (n: number) => T) =>
  Array.from({ length: to - from }, (_, i) => make(from + i));
const deliveries = (from: number, to: number) =>
  range(from, to, (n) => toDelivery(bodies(n)));

async function pipeline(): Promise<Rate & { outcomes: object }> {
  const { context } = benchReceiver();
  const outcomes: Record<string, number> = {};
  const rate = await measureBatched({
    total,
    warmup,
    prepare: deliveries,
    run: async (delivery) => {
      const { result } = await receiveDelivery(delivery, context);
      const outcome = result.body.success
        ? result.body.outcome
        : result.body.error;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    },
  });
  return { ...rate, outcomes };
}

async function applyAlone(): Promise<Rate> {
  const { manager } = benchReceiver();
  return measureBatched({
    total,
    warmup,
    prepare: (from, to) => range(from, to, (n) => toEvent(bodies(n))),
    run: (event) => manager.apply(event),
  });
}

async function stages() {
  const { config } = benchReceiver();
  const parsed = (from: number, to: number) =>
    deliveries(from, to).map((d) => ({ ...d, json: parseJson(d.payload) }));
  const options = { total, warmup, prepare: parsed };

  return {
    verify: await measureBatched({
      ...options,
      run: (d) => verifySignature(d.headers, d.payload, config.secrets),
    }),
    parse: await measureBatched({
      ...options,
      run: (d) => parseJson(d.payload),
    }),
    normalise: await measureBatched({
      ...options,
      run: (d) => d.json.ok && normaliseEvent(d.json.value, d.payload, 0),
    }),
  };
}

const steps = { pipeline, apply: applyAlone, stages };
const results: Record<string, unknown> = {};
for (const [name, step] of Object.entries(steps)) {
  if (only && !only.includes(name)) continue;
  const result = await step();
  Object.assign(results, name === "stages" ? result : { [name]: result });
}
reply(results);
