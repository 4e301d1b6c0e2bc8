import autocannon from "autocannon";
import { readWorkerOptions, reply } from "../worker-io";
import { summarise, type LoadResult } from "./load-result";
import {
  duplicateOriginals,
  scenarioRequests,
  WEBHOOK_PATH,
  type Scenario,
} from "./scenarios";

export interface LoadOptions {
  url: string;
  scenario: Scenario;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Unique bodies to sign before the clock starts. */
  prepared: number;
  /** Send exactly this many requests instead of running for a duration. */
  amount?: number;
}

// The load generator, in a process of its own on the core the server does
// not use. Warm-up and measured run share one stream of bodies, so every
// unique delivery is sent once.
const options = readWorkerOptions<LoadOptions>();
const { requests, madeLive } = scenarioRequests(
  options.scenario,
  options.prepared,
);
if (options.scenario === "duplicate") await deliverOnce(requests);

if (options.warmupSeconds > 0) {
  await load(options.warmupSeconds);
}
const latencies: number[] = [];
const result = await load(options.durationSeconds, latencies);
reply({
  ...summarise(options.scenario, result, latencies),
  madeLive: madeLive(),
} satisfies LoadResult);

function load(seconds: number, latencies?: number[]) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const settings = {
      url: options.url,
      connections: options.connections,
      ...(options.amount ? { amount: options.amount } : { duration: seconds }),
      requests,
    };
    const instance = autocannon(settings, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      latencies?.push(responseTime);
    });
  });
}

// A duplicate is only a duplicate once the original has been applied.
async function deliverOnce(originals: autocannon.Request[]): Promise<void> {
  for (const { body, headers } of duplicateOriginals(originals)) {
    const response = await fetch(`${options.url}${WEBHOOK_PATH}`, {
      method: "POST",
      body: typeof body === "string" ? body : new Uint8Array(body ?? []),
      headers: headers as Record<string, string>,
    });
    if (response.status !== 200) {
      throw new Error(`priming a duplicate got ${response.status}`);
    }
  }
}
