import type { Mutation } from "./mutation-arbitraries";

type Edit = Extract<
  Mutation,
  { kind: "remove" | "set" | "add" | "duplicate" | "literal" }
>;
type Path = (string | number)[];
type Container = Record<string, unknown> | unknown[];

const utf8 = new TextDecoder("utf-8", { fatal: true });
// Placeholders swapped for raw text after serialising: a key written twice,
// or a value JSON.stringify cannot produce (1e999, deep nesting).
const RAW = "\ue000raw:";
const DUPLICATE = "\ue000dup:";

/**
 * Applies one structural edit to a body that still parses as JSON; a body
 * that no longer does is left as it is. Keys are defined, never assigned,
 * so `__proto__` becomes a key of the body and not of the harness.
 */
export function editJson(bytes: Buffer, edit: Edit): Buffer {
  let root: unknown;
  try {
    root = JSON.parse(utf8.decode(bytes));
  } catch {
    return bytes;
  }

  const raws: string[] = [];
  const keys: string[] = [];
  const paths = pathsOf(root);
  const path = paths[edit.path % paths.length] ?? [];
  root = applyEdit(root, path, edit, {
    raw: (text) => `${RAW}${raws.push(text) - 1}`,
    duplicate: (key) => `${DUPLICATE}${keys.push(key) - 1}`,
  });

  let serialised: string;
  try {
    serialised = JSON.stringify(root);
  } catch {
    // Nesting from an earlier edit too deep for JSON.stringify's recursion.
    return bytes;
  }
  const text = serialised
    .replace(/"\ue000raw:(\d+)"/g, (_m, i: string) => raws[Number(i)] ?? "")
    .replace(/"\ue000dup:(\d+)"/g, (_m, i: string) =>
      JSON.stringify(keys[Number(i)] ?? ""),
    );
  return Buffer.from(text, "utf8");
}

interface Tokens {
  raw(text: string): string;
  duplicate(key: string): string;
}

function applyEdit(root: unknown, path: Path, edit: Edit, tokens: Tokens) {
  if (path.length === 0) {
    if (edit.kind === "set") return edit.value;
    if (edit.kind === "literal") return tokens.raw(edit.literal);
  }
  const parent = (path.length === 0 ? root : at(root, path.slice(0, -1))) as
    Container | undefined;
  const last = path.at(-1);
  if (typeof parent !== "object" || parent === null) return root;

  if (edit.kind === "add" && isObject(root) && path.length === 0) {
    define(root, edit.key, edit.value);
  } else if (last === undefined) {
    return root;
  } else if (edit.kind === "remove") {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (edit.kind === "set") {
    define(parent, last, edit.value);
  } else if (edit.kind === "literal") {
    define(parent, last, tokens.raw(edit.literal));
  } else if (edit.kind === "add") {
    const target = at(root, path);
    if (isObject(target)) define(target, edit.key, edit.value);
  } else if (edit.kind === "duplicate" && !Array.isArray(parent)) {
    duplicateKey(parent, String(last), edit, tokens);
  }
  return root;
}

function duplicateKey(
  parent: Record<string, unknown>,
  key: string,
  edit: Extract<Edit, { kind: "duplicate" }>,
  tokens: Tokens,
): void {
  const copy = tokens.duplicate(key);
  const entries = Object.entries(parent);
  for (const [name] of entries) delete parent[name];
  if (edit.first) define(parent, copy, edit.value);
  for (const [name, v] of entries) define(parent, name, v);
  if (!edit.first) define(parent, copy, edit.value);
}

/** Every key and index path, breadth first, bounded. */
function pathsOf(root: unknown): Path[] {
  const paths: Path[] = [[]];
  for (let i = 0; i < paths.length && paths.length < 200; i++) {
    const path = paths[i] as Path;
    const value = at(root, path);
    if (typeof value !== "object" || value === null || path.length > 4) {
      continue;
    }
    for (const k of Object.keys(value)) {
      paths.push([...path, Array.isArray(value) ? Number(k) : k]);
    }
  }
  return paths;
}

function at(root: unknown, path: Path): unknown {
  let value = root;
  for (const step of path) {
    if (typeof value !== "object" || value === null) return undefined;
    if (!Object.hasOwn(value, step)) return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

function define(target: Container, key: string | number, value: unknown) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
