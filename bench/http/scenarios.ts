import type autocannon from "autocannon";
import type { SignedDelivery } from "../../lib/client/sign-delivery";
import { deliveryStream, forged, signed } from "../deliveries";

export const WEBHOOK_PATH = "/api/webhooks/e2b";

/** What one load run sends. */
export type Scenario =
  | "health"
  | "unique"
  | "duplicate"
  | "forged"
  /** Valid deliveries cycled from a fixed set: for the stateless floor. */
  | "signed"
  /** Unique `created` events, one new sandbox each (the 100k fill). */
  | "fill";

export interface ScenarioRequests {
  requests: autocannon.Request[];
  /** Bodies that had to be made during the run (the pool ran out). */
  madeLive(): number;
}

/** The bodies a scenario sends, signed before the clock starts. */
export function scenarioRequests(
  scenario: Scenario,
  prepared: number,
): ScenarioRequests {
  if (scenario === "health") {
    return fixed([{ method: "GET", path: "/api/health" }]);
  }
  const stream = deliveryStream({
    pool: scenario === "fill" ? prepared : 10_000,
    startMs: Date.now() - 60_000,
    createOnly: scenario === "fill",
  });
  if (scenario === "forged") {
    return fixed(range(1_000, (n) => post(forged(stream(n)))));
  }
  if (scenario === "duplicate") {
    return fixed(range(100, (n) => post(signed(stream(n)))));
  }
  if (scenario === "signed") {
    return fixed(range(10_000, (n) => post(signed(stream(n)))));
  }

  return unique(stream, prepared);
}

/** The bodies a duplicate run repeats, to be delivered once beforehand. */
export function duplicateOriginals(requests: autocannon.Request[]) {
  return requests.map(({ body, headers }) => ({ body, headers }));
}

function unique(stream: (n: number) => string, prepared: number) {
  const pool: (SignedDelivery | undefined)[] = range(prepared, (n) =>
    signed(stream(n)),
  );
  let next = 0;
  let live = 0;
  const setupRequest = (request: autocannon.Request) => {
    const n = next++;
    const delivery = pool[n] ?? signed(stream(n));
    if (n >= pool.length) live++;
    pool[n] = undefined; // sent: let it go

    return { ...request, ...post(delivery) };
  };

  return {
    requests: [{ method: "POST", path: WEBHOOK_PATH, setupRequest }],
    madeLive: () => live,
  } satisfies ScenarioRequests;
}

function post(delivery: SignedDelivery): autocannon.Request {
  return {
    method: "POST",
    path: WEBHOOK_PATH,
    body: Buffer.from(delivery.body),
    headers: delivery.headers,
  };
}

function fixed(requests: autocannon.Request[]): ScenarioRequests {
  return { requests, madeLive: () => 0 };
}

function range<T>(count: number, make: (n: number) => T): T[] {
  return Array.from({ length: count }, (_, n) => make(n));
}
