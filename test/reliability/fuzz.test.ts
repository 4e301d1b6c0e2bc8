import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restoreEnvironment, useEnvironment } from "./support/environment";
import { recordFigure } from "./support/figures";
import {
  arbitraryBytes,
  forgedCase,
  mutated,
  seeds,
  signedCase,
} from "./support/fuzz-cases";
import { FUZZ_ENV, FuzzTarget, type FuzzCase } from "./support/fuzz-target";
import { PROFILE, limitMs, sizes } from "./support/profile";

const fuzzSeed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const target = new FuzzTarget(seeds);
let passed = 0;

async function holds(arbitrary: fc.Arbitrary<FuzzCase>, numRuns: number) {
  const before = target.cases;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (fuzzCase) => {
      expect(await target.run(fuzzCase)).toEqual([]);
    }),
    { numRuns, seed: fuzzSeed, endOnFailure: true },
  );
  passed += target.cases - before;
}

describe(`fuzzing POST /api/webhooks/e2b in-process (${PROFILE} profile, seed ${fuzzSeed})`, () => {
  beforeAll(() => useEnvironment(FUZZ_ENV));
  afterAll(() => {
    recordFigure("fuzz.seed", fuzzSeed);
    recordFigure("fuzz.casesWithoutViolation", passed);
    recordFigure("fuzz.answers", Object.fromEntries(target.outcomes));
    restoreEnvironment();
  });

  it(
    "arbitrary bytes under random, missing and corrupted signatures: never a crash, a 5xx, a registry change or a polluted prototype",
    async () => {
      await holds(forgedCase(arbitraryBytes), sizes.fuzz.bytes);
    },
    limitMs(60_000, 900_000),
  );

  it(
    "mutated valid deliveries under random, missing and corrupted signatures: the same",
    async () => {
      await holds(forgedCase(mutated), sizes.fuzz.forged);
    },
    limitMs(60_000, 900_000),
  );

  it(
    "validly signed mutated deliveries reach the schema and answer 200, 400 or 413, never 401 or 5xx",
    async () => {
      await holds(signedCase, sizes.fuzz.signed);
    },
    limitMs(60_000, 900_000),
  );
});
