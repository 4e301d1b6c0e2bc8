import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const FIXTURES = resolve(import.meta.dirname, "../../../fixtures");

export interface SignatureVector {
  secret: string;
  body: string;
  e2bSignature: string;
  hmacSha256Hex: string;
}

/** A fixture's exact bytes, as E2B (or the setup guide) would send them. */
export function fixtureBytes(path: string): Buffer {
  return readFileSync(join(FIXTURES, path));
}

export function fixtureText(path: string): string {
  return fixtureBytes(path).toString("utf8");
}

export function fixtureJson<T = unknown>(path: string): T {
  return JSON.parse(fixtureText(path)) as T;
}

export function signatureVectors(): SignatureVector[] {
  return fixtureJson<SignatureVector[]>("signature-vectors.json");
}

export const E2B_V2_FIXTURES = [
  "e2b-v2/01-created.json",
  "e2b-v2/02-updated.json",
  "e2b-v2/03-paused.json",
  "e2b-v2/04-resumed.json",
  "e2b-v2/05-checkpointed.json",
  "e2b-v2/06-killed.json",
] as const;

// Whole seconds, then the fraction exactly as written, then the zone.
const TIMESTAMP = /(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,9})?Z/g;

/**
 * Moves every UTC timestamp in a body by a whole number of seconds, leaving
 * every other byte (and each fraction's digits) as it was.
 */
export function shiftTimestamps(text: string, shiftSeconds: number): string {
  return text.replace(TIMESTAMP, (_match, whole: string, fraction = "") => {
    const moved = Date.parse(`${whole}Z`) + shiftSeconds * 1000;
    return `${new Date(moved).toISOString().slice(0, 19)}${fraction}Z`;
  });
}

/**
 * The shift, in whole seconds, that moves `latest` to about `nowMs`: applied
 * to a set of fixtures, it keeps their order and spacing but makes them
 * recent enough for the replay guard.
 */
export function shiftToNow(latest: string, nowMs = Date.now()): number {
  return Math.floor((nowMs - Date.parse(latest)) / 1000);
}
