import { randomBytes } from "node:crypto";
import { signDelivery, type SignedDelivery } from "../lib/client/sign-delivery";

/** The secret every benchmark server and worker shares (32+ characters). */
export const BENCH_SECRET = "bench-secret-0123456789abcdefghijklmnop";

const STEPS = [
  ["created", "create", '{"sandbox_metadata":{"project":"bench"}}'],
  ["updated", "update", '{"set_timeout":"2099-01-01T00:00:00Z"}'],
  [
    "paused",
    "pause",
    '{"execution":{"execution_time":998589,"memory_mb":512,"started_at":"2026-11-20T09:15:02Z","vcpu_count":2}}',
  ],
  ["resumed", "resume", '{"sandbox_metadata":{"project":"bench"}}'],
  ["checkpointed", "", null],
  ["killed", "kill", '{"kill_reason":"timeout"}'],
] as const;

export interface StreamOptions {
  /** How many sandboxes live at once; each walks the six lifecycle steps. */
  pool: number;
  /** When delivery 0 happened; each later one is a microsecond later. */
  startMs: number;
  /** Stop at `created` instead of walking on (100k distinct sandboxes). */
  createOnly?: boolean;
}

/**
 * Bodies in E2B's snake_case shape, each with its own event id. Delivery
 * `n` belongs to sandbox slot `n % pool`, whose sandbox walks the six
 * steps; after `killed` the slot gets a new sandbox, so tombstones keep
 * accruing as they do in production.
 */
export function deliveryStream(options: StreamOptions) {
  const nonce = randomBytes(4).toString("hex");
  const stepCount = options.createOnly ? 1 : STEPS.length;

  return (n: number): string => {
    const slot = n % options.pool;
    // Staggered by slot, so that at any moment a sixth of the sandboxes are
    // at each step and the number alive stays level.
    const walk = Math.floor(n / options.pool) + (slot % stepCount);
    const [step, label, data] = STEPS[walk % stepCount] ?? STEPS[0];
    const generation = Math.floor(walk / stepCount);
    const sandboxId = `i${base36(slot, 8)}${base36(generation, 4)}${nonce}`;

    return [
      `{"id":"${eventId(nonce, n)}","version":"v2"`,
      `"type":"sandbox.lifecycle.${step}"`,
      `"timestamp":"${timestamp(options.startMs, n)}"`,
      `"event_category":"${label ? "lifecycle" : ""}","event_label":"${label}"`,
      data === null ? null : `"event_data":${data}`,
      `"sandbox_id":"${sandboxId}"`,
      `"sandbox_execution_id":"${eventId(nonce, generation)}"`,
      `"sandbox_template_id":"rki5dems9wqfm4r03t7g","sandbox_build_id":""`,
      `"sandbox_team_id":"460355b3-4f64-48f9-9a16-4442817f79f5"}`,
    ]
      .filter((part) => part !== null)
      .join(",");
  };
}

/** One delivery as E2B sends it: signed bytes plus E2B's headers. */
export function signed(body: string, secret = BENCH_SECRET): SignedDelivery {
  return signDelivery(body, {
    secret,
    scheme: "e2b",
    webhookId: "6f1c2b3a-0000-4000-8000-00000000bench",
  });
}

/** The same delivery with a signature made with the wrong secret. */
export function forged(body: string): SignedDelivery {
  return signed(body, `${BENCH_SECRET}-wrong`);
}

function eventId(nonce: string, n: number): string {
  const hex = n.toString(16).padStart(22, "0");
  const [a, b, c, d] = [
    [0, 4],
    [4, 7],
    [7, 10],
    [10, 22],
  ].map(([from, to]) => hex.slice(from, to));
  return `${nonce}-${a}-4${b}-8${c}-${d}`;
}

function timestamp(startMs: number, n: number): string {
  const micros = n % 1000;
  const iso = new Date(startMs + Math.floor(n / 1000)).toISOString();
  return `${iso.slice(0, 23)}${String(micros).padStart(3, "0")}Z`;
}

function base36(value: number, width: number): string {
  return value.toString(36).padStart(width, "0");
}
