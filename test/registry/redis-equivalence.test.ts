import fc from "fast-check";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import type { SandboxEvent } from "@/lib/events/event";
import { LIFECYCLE_EVENT_TYPES } from "@/lib/events/types";
import { MemoryStore } from "@/lib/registry/memory-store";
import { RedisStore } from "@/lib/registry/redis-store";
import { blankRecord, type SandboxRecord } from "@/lib/registry/sandbox";
import type { RegistryStore } from "@/lib/registry/store";
import type { TransitionContext } from "@/lib/registry/transition";
import {
  deleteKeys,
  redisForTests,
  stopSpawnedRedis,
  uniquePrefix,
} from "../support/redis";
import { lifecycleEvent, T0 } from "./events";

const DAY_MS = 86_400_000;
const SANDBOXES = ["sbx-a", "sbx-b"];
const IDENTIFIERS = ["executionId", "teamId", "templateId", "buildId"] as const;
const redis = await redisForTests();

// Few distinct instants, so ties (broken by event id) and nanosecond
// differences come up often.
const time = fc.constantFrom(
  "2026-11-20T10:00:00Z",
  "2026-11-20T10:00:00.000000001Z",
  "2026-11-20T10:00:00.5Z",
  "2026-11-20T10:00:01+00:00",
  "2026-11-20T11:00:00.999999999Z",
  "2026-11-19T10:00:00Z",
);
const optionalId = fc.option(fc.constantFrom("x1", "x2", "t-é", "𝔘"), {
  nil: undefined,
});
const strings = fc.option(fc.array(fc.string(), { maxLength: 3 }), {
  nil: null,
});
const eventData = fc.record(
  {
    metadata: fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
    setTimeout: fc.constantFrom("2026-11-20T12:00:00Z", "2026-11-21T00:00:00Z"),
    networkEgress: fc.record({
      allowedCidrs: strings,
      deniedCidrs: strings,
      allowedDomains: strings,
    }),
    execution: fc.record(
      { vcpuCount: fc.nat(64), executionTimeMs: fc.maxSafeNat() },
      { requiredKeys: [] },
    ),
    killReason: fc.constantFrom("timeout", "request"),
  },
  { requiredKeys: [] },
);
const event = fc
  .record({
    sandboxId: fc.constantFrom(...SANDBOXES),
    // Unicode ids, so ties compare by UTF-16 unit in both stores.
    idPart: fc.oneof(
      fc.constantFrom("a", "b", "\u{e000}", "\u{10000}"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 4 }),
    ),
    type: fc.constantFrom(...LIFECYCLE_EVENT_TYPES, "sandbox.snapshot.taken"),
    at: time,
    executionId: optionalId,
    teamId: optionalId,
    templateId: optionalId,
    buildId: optionalId,
    data: eventData,
  })
  .map(({ idPart, ...spec }) =>
    // Event ids are unique per sandbox, as E2B's (and legacy digests) are.
    lifecycleEvent({ ...spec, id: `${spec.sandboxId}|${idPart}` }),
  );
const context: fc.Arbitrary<TransitionContext> = fc.record({
  nowMs: fc.integer({ min: T0, max: T0 + 2 * 3_600_000 }),
  maxEventAgeMs: fc.constantFrom(null, 3_600_000, DAY_MS),
});
const step = fc.tuple(event, context);
// What the app registers: what an event may say, and metadata or none.
const registration = fc
  .record({
    sandboxId: fc.constantFrom(...SANDBOXES),
    state: fc.constantFrom("running" as const, "paused" as const),
    executionId: optionalId,
    teamId: optionalId,
    templateId: optionalId,
    buildId: optionalId,
    metadata: fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
  })
  .map(({ sandboxId, state, metadata, ...ids }): SandboxRecord => {
    const at = new Date(T0).toISOString();
    const record = { ...blankRecord(sandboxId, at, at), state, metadata };
    for (const field of IDENTIFIERS) record[field] = ids[field] ?? null;
    return record;
  });
const action = fc.oneof(
  { arbitrary: step, weight: 4 },
  { arbitrary: registration, weight: 1 },
);

describe.skipIf(!redis.ok)("the Redis store against the memory store", () => {
  const url = redis.ok ? redis.url : "";
  const base = uniquePrefix("equivalence");
  const connection = new Redis(url);
  let run = 0;

  afterAll(async () => {
    connection.disconnect();
    await deleteKeys(url, base);
    await stopSpawnedRedis();
  });

  it("gives the same result for every event and registration and ends in the same registry", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 1, maxLength: 30 }),
        async (actions) => {
          const memory = memoryStore();
          const shared = new RedisStore({
            redis: connection,
            prefix: `${base}${(run += 1)}:`,
            tombstoneTtlMs: DAY_MS,
            idempotencyTtlMs: DAY_MS,
          });
          for (const next of actions) {
            if (Array.isArray(next)) {
              await applyBoth(memory, shared, ...next);
            } else {
              expect(await shared.register(next)).toEqual(
                await memory.register(next),
              );
            }
          }
          await expectSameRegistry(memory, shared);
        },
      ),
      { numRuns: 150 },
    );
  });
});

async function applyBoth(
  memory: RegistryStore,
  shared: RegistryStore,
  e: SandboxEvent,
  c: TransitionContext,
): Promise<void> {
  const expected = await memory.apply(e, c);
  expect(await shared.apply(e, c)).toEqual(expected);
}

async function expectSameRegistry(
  memory: RegistryStore,
  shared: RegistryStore,
): Promise<void> {
  const byId = (a: { sandboxId: string }, b: { sandboxId: string }) =>
    a.sandboxId.localeCompare(b.sandboxId);
  expect((await shared.list()).sort(byId)).toEqual(
    (await memory.list()).sort(byId),
  );
  for (const sandboxId of SANDBOXES) {
    expect(await shared.get(sandboxId)).toEqual(await memory.get(sandboxId));
    expect(await shared.getTombstone(sandboxId)).toEqual(
      await memory.getTombstone(sandboxId),
    );
  }
}

function memoryStore(): MemoryStore {
  return new MemoryStore({
    tombstoneTtlMs: DAY_MS,
    tombstoneMaxEntries: 1_000,
    idempotencyTtlMs: DAY_MS,
    idempotencyMaxEntries: 1_000,
  });
}
