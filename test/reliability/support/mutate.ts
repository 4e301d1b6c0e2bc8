import { editJson } from "./json-edit";
import type { Encoding, Mutation } from "./mutation-arbitraries";

/** A valid body with one to three mutations applied, as bytes. */
export function mutate(seed: string, mutations: Mutation[]): Uint8Array {
  let bytes: Buffer = Buffer.from(seed, "utf8");
  for (const m of mutations) bytes = applyOne(bytes, m);
  return bytes;
}

function applyOne(bytes: Buffer, m: Mutation): Buffer {
  switch (m.kind) {
    case "truncate":
      return bytes.subarray(0, m.at % (bytes.length + 1));
    case "splice": {
      const at = m.at % (bytes.length + 1);
      const inserted = Buffer.from(m.bytes);
      return Buffer.concat([
        bytes.subarray(0, at),
        inserted,
        bytes.subarray(at),
      ]);
    }
    case "reencode":
      return reencode(bytes, m.as);
    default:
      return editJson(bytes, m);
  }
}

function reencode(bytes: Buffer, as: Encoding): Buffer {
  const text = bytes.toString("utf8");
  switch (as) {
    case "utf16le":
      return Buffer.from(text, "utf16le");
    case "utf8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    case "latin1":
      return Buffer.from(text, "latin1");
    case "escaped":
      return Buffer.from(text.replace(/"(?:[^"\\]|\\.)*"/g, escapeAll));
    case "pretty":
      return reformat(text);
  }
}

// The same string, every character written as \uXXXX: same value, new bytes.
function escapeAll(token: string): string {
  let inner: string;
  try {
    inner = JSON.parse(token) as string;
  } catch {
    return token;
  }
  const units = Array.from({ length: inner.length }, (_, i) =>
    inner.charCodeAt(i).toString(16).padStart(4, "0"),
  );
  return `"${units.map((u) => `\\u${u}`).join("")}"`;
}

function reformat(text: string): Buffer {
  try {
    return Buffer.from(JSON.stringify(JSON.parse(text), null, 2));
  } catch {
    return Buffer.from(text);
  }
}
