import { randomBytes, randomUUID } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A sandbox id shaped like E2B's: `i` and 20 characters of `[a-z0-9]`. */
export function randomSandboxId(): string {
  const bytes = randomBytes(20);
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]);
  return `i${chars.join("")}`;
}

/** A random uuid, as E2B uses for event, execution and delivery ids. */
export function randomId(): string {
  return randomUUID();
}
