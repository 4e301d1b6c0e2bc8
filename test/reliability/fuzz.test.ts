import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restoreEnvironment, useEnvironment } from "./support/environment";
import { recordFigure } from "./support/figures";
import { FUZZ_ENV, FuzzTarget, type FuzzCase } from "./support/fuzz-target";
import {
  extraHeaders,
  forgery,
  noise,
  signing,
} from "./support/header-arbitraries";
import { mutate } from "./support/mutate";
import { mutation } from "./support/mutation-arbitraries";
import { PROFILE, limitMs, sizes } from "./support/profile";
import { seedBodies } from "./support/seeds";
import { forgedSignature, validSignature } from "./support/signatures";

const seeds = seedBodies();
const seed = fc.constantFrom(...seeds);
const chunks = fc.constantFrom(1, 1, 1, 2, 7);
// A fresh event id, so that a signed case reaches the registry's rules
// instead of stopping at the duplicate check.
const freshSeed = fc
  .tuple(seed, fc.uuid())
  .map(([text, id]) => text.replace(/"id"\s*:\s*"[^"]*"/, `"id":"${id}"`));
const mutationsOf = (texts: fc.Arbitrary<string>) =>
  fc
    .tuple(texts, fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([text, mutations]) => mutate(text, mutations));
const mutated = mutationsOf(fc.oneof(seed, freshSeed));
const arbitraryBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2_048 }),
  fc.string({ unit: "binary", maxLength: 512 }).map((s) => Buffer.from(s)),
);

const forgedCase = (body: fc.Arbitrary<Uint8Array>) =>
  fc
    .record({
      body,
      forgery,
      noise,
      position: fc.nat(),
      extra: extraHeaders(true),
      chunks,
    })
    .map((c): FuzzCase => ({
      body: c.body,
      headers: [
        ...c.extra,
        ...forgedSignature(c.body, c.forgery, c.noise, c.position),
      ],
      chunks: c.chunks,
    }));

const signedCase = fc
  .record({ body: mutated, signing, extra: extraHeaders(false), chunks })
  .map((c): FuzzCase => ({
    body: c.body,
    headers: [...c.extra, ...validSignature(c.body, c.signing)],
    chunks: c.chunks,
  }));

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
