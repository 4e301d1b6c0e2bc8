import fc from "fast-check";
import type { FuzzCase } from "./fuzz-target";
import { extraHeaders, forgery, noise, signing } from "./header-arbitraries";
import { mutate } from "./mutate";
import { mutation } from "./mutation-arbitraries";
import { seedBodies } from "./seeds";
import { forgedSignature, validSignature } from "./signatures";

/** The valid bodies every mutated case starts from. */
export const seeds = seedBodies();
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
export const mutated = mutationsOf(fc.oneof(seed, freshSeed));
export const arbitraryBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2_048 }),
  fc.string({ unit: "binary", maxLength: 512 }).map((s) => Buffer.from(s)),
);

/** Requests whose signature must fail: missing, random or corrupted. */
export const forgedCase = (body: fc.Arbitrary<Uint8Array>) =>
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

/** Mutated bodies with a valid signature, to reach the schema and registry. */
export const signedCase = fc
  .record({ body: mutated, signing, extra: extraHeaders(false), chunks })
  .map((c): FuzzCase => ({
    body: c.body,
    headers: [...c.extra, ...validSignature(c.body, c.signing)],
    chunks: c.chunks,
  }));
