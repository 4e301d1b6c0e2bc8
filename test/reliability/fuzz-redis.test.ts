import fc from "fast-check";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receiveDelivery } from "@/lib/pipeline/receive-delivery";
import { MemoryStore } from "@/lib/registry/memory-store";
import { RedisStore } from "@/lib/registry/redis-store";
import { SandboxManager } from "@/lib/registry/sandbox-manager";
import type { RegistryStore } from "@/lib/registry/store";
import {
  deleteKeys,
  redisForTests,
  stopSpawnedRedis,
  uniquePrefix,
} from "../support/redis";
import { recordFigure } from "./support/figures";
import { seeds, signedCase } from "./support/fuzz-cases";
import type { FuzzCase } from "./support/fuzz-target";
import { PROFILE, limitMs, sizes } from "./support/profile";
import {
  FUZZ_PREVIOUS_SECRET,
  FUZZ_SECRET,
  validSignature,
} from "./support/signatures";

const DAY_MS = 86_400_000;
const NOW = Date.now();
const SANDBOX_ID = /"(?:sandbox_id|sandboxId)"\s*:\s*"([^"\\]{1,256})"/g;
const redis = await redisForTests();

describe.skipIf(!redis.ok)(
  `validly signed mutated deliveries: the Redis store answers each exactly as the memory store does (${PROFILE} profile)`,
  () => {
    const url = redis.ok ? redis.url : "";
    const prefix = uniquePrefix("reliability-fuzz");
    const memory = managerOn(
      new MemoryStore({
        tombstoneTtlMs: DAY_MS,
        tombstoneMaxEntries: 1_000_000,
        idempotencyTtlMs: DAY_MS,
        idempotencyMaxEntries: 1_000_000,
      }),
    );
    const shared = managerOn(
      new RedisStore({
        redis: new Redis(url),
        prefix,
        tombstoneTtlMs: DAY_MS,
        idempotencyTtlMs: DAY_MS,
      }),
    );
    const sandboxIds = new Set<string>();
    let cases = 0;

    const both = async ({ body, headers }: FuzzCase) => {
      for (const m of Buffer.from(body).toString().matchAll(SANDBOX_ID)) {
        sandboxIds.add(m[1] ?? "");
      }
      const delivery = { headers: new Headers(headers), payload: body };
      const context = {
        secrets: [FUZZ_SECRET, FUZZ_PREVIOUS_SECRET],
        now: () => NOW,
      };
      const a = await receiveDelivery(delivery, {
        ...context,
        manager: memory,
      });
      const b = await receiveDelivery(delivery, {
        ...context,
        manager: shared,
      });
      cases++;
      return [a.result, b.result].map(({ status, body }) => ({ status, body }));
    };

    beforeAll(async () => {
      for (const seed of seeds) {
        const body = Buffer.from(seed);
        await both({ body, headers: validSignature(body, "e2b"), chunks: 1 });
      }
    });
    afterAll(async () => {
      recordFigure("fuzz.redisEqualsMemoryCases", cases);
      await shared.close();
      await deleteKeys(url, prefix);
      await stopSpawnedRedis();
    });

    it(
      "gives the same status and body for every case",
      async () => {
        await fc.assert(
          fc.asyncProperty(signedCase, async (fuzzCase) => {
            const [fromMemory, fromRedis] = await both(fuzzCase);
            expect(fromRedis).toEqual(fromMemory);
          }),
          { numRuns: sizes.fuzz.redis },
        );
      },
      limitMs(60_000, 900_000),
    );

    it("ends with the same registry and tombstones in both stores", async () => {
      const byId = (a: { sandboxId: string }, b: { sandboxId: string }) =>
        a.sandboxId < b.sandboxId ? -1 : 1;
      const ids = [...sandboxIds];

      expect((await shared.list()).sort(byId)).toEqual(
        (await memory.list()).sort(byId),
      );
      expect(
        await Promise.all(ids.map((id) => shared.getTombstone(id))),
      ).toEqual(await Promise.all(ids.map((id) => memory.getTombstone(id))));
    });
  },
);

function managerOn(store: RegistryStore) {
  const manager = new SandboxManager({
    store,
    logger: pino({ level: "silent" }),
    maxEventAgeMs: DAY_MS,
    now: () => NOW,
  });
  return Object.assign(manager, { close: () => store.close() });
}
