import type { HeaderReader } from "@/lib/signature/verify";

/**
 * A header reader over plain strings. Unlike the Fetch `Headers`, it holds
 * any string, so tests can send values with multibyte characters.
 */
export function headers(values: Record<string, string>): HeaderReader {
  const byName = new Map(
    Object.entries(values).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return { get: (name) => byName.get(name.toLowerCase()) ?? null };
}

/** Replaces the character at `index` with `replacement`. */
export function replaceAt(text: string, index: number, replacement: string) {
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

/** A different character from the same alphabet, so only the value changes. */
export function flipChar(text: string, index: number, alphabet: string) {
  const current = text[index] ?? "";
  const next = alphabet[(alphabet.indexOf(current) + 1) % alphabet.length];
  return replaceAt(text, index, next ?? "");
}

export const BASE64_ALPHABET =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
export const HEX_ALPHABET = "0123456789abcdef";
