import pino from "pino";
import { loadConfig } from "../../lib/config/config";
import type { SandboxEvent } from "../../lib/events/event";
import { normaliseEvent } from "../../lib/events/normalise";
import { parseJson } from "../../lib/pipeline/parse-json";
import type {
  Delivery,
  ReceiverContext,
} from "../../lib/pipeline/receive-delivery";
import { createStore } from "../../lib/registry/create-store";
import { SandboxManager } from "../../lib/registry/sandbox-manager";
import { BENCH_SECRET, signed } from "../deliveries";

/**
 * The receiver as the server builds it, minus Next.js: the default
 * settings, a memory store and no rate limits. `env` overrides settings.
 */
export function benchReceiver(env: Record<string, string> = {}) {
  const config = loadConfig({ E2B_WEBHOOK_SECRET: BENCH_SECRET, ...env });
  const manager = new SandboxManager({
    store: createStore(config, null),
    logger: pino({ level: "silent" }),
    maxEventAgeMs: config.maxEventAgeMs,
  });
  const context: ReceiverContext = {
    secrets: config.secrets,
    manager,
    now: Date.now,
  };
  return { config, manager, context };
}

/** A signed delivery as the route hands it to the pipeline. */
export function toDelivery(body: string): Delivery {
  const { body: payload, headers } = signed(body);
  return { payload, headers: { get: (name) => headers[name] ?? null } };
}

/** The event a body normalises to; throws if the bench made a bad body. */
export function toEvent(body: string): SandboxEvent {
  const payload = Buffer.from(body);
  const json = parseJson(payload);
  const result = json.ok && normaliseEvent(json.value, payload, Date.now());
  if (!result || !result.ok) throw new Error(`bench body rejected: ${body}`);

  return result.event;
}
