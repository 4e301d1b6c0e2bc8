import { posix } from "node:path";

/** One pattern of a `.dockerignore`, compiled. */
export interface IgnorePattern {
  /** The cleaned pattern, as Docker keeps it. */
  text: string;
  /** A `!` line: lets matching paths back into the build context. */
  exclusion: boolean;
  matches(path: string): boolean;
}

// Docker escapes these, and only these, when it turns a pattern into a
// regular expression: they mean nothing to Go's filepath.Match.
const ESCAPED = /[.+()|{}$]/;
// What may follow a backslash in a regular expression with the "u" flag.
const SYNTAX = /[\^$\\.*+?()[\]{}|/]/;

/**
 * Reads a `.dockerignore` as Docker does (moby/patternmatcher and BuildKit's
 * dockerignore reader): `#` lines are comments, lines are trimmed, `!`
 * re-includes, each pattern is cleaned like Go's filepath.Clean and a
 * leading `/` dropped, as patterns are relative to the context's root.
 */
export function readDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    if (line.startsWith("#")) continue;

    let pattern = line.trim();
    if (pattern === "") continue;

    const exclusion = pattern.startsWith("!");
    if (exclusion) pattern = pattern.slice(1).trim();
    if (pattern === "") throw new Error(`illegal exclusion pattern: "${line}"`);

    pattern = clean(pattern);
    patterns.push({ text: pattern, exclusion, matches: compile(pattern) });
  }
  return patterns;
}

/**
 * Whether Docker leaves `path` (relative to the context, `/`-separated) out
 * of the build context: the last pattern that matches the path or one of its
 * parent folders decides.
 */
export function isIgnored(path: string, patterns: IgnorePattern[]): boolean {
  const file = clean(path);
  const parents = posix.dirname(file).split("/");
  let ignored = false;

  for (const pattern of patterns) {
    // A re-include only matters once ignored, and the other way round.
    if (pattern.exclusion !== ignored) continue;

    let match = pattern.matches(file);
    for (let i = 1; !match && parents[0] !== "." && i <= parents.length; i++) {
      match = pattern.matches(parents.slice(0, i).join("/"));
    }
    if (match) ignored = !pattern.exclusion;
  }
  return ignored;
}

function clean(path: string): string {
  const cleaned = posix.normalize(path).replace(/(.)\/+$/, "$1");
  return cleaned.length > 1 && cleaned.startsWith("/")
    ? cleaned.slice(1)
    : cleaned;
}

// `*` and `?` stop at "/", `**` crosses folders (`**/` also matches none),
// `[...]` is a character class and `\` escapes the next character.
function compile(pattern: string): (path: string) => boolean {
  // Docker's shortcut for a leading `**` before plain text: a plain suffix
  // test, so `**foo` also matches `xfoo`.
  const suffix = /^\*\*([^*?[\]\\]*)$/.exec(pattern)?.[1];
  if (suffix !== undefined) {
    return (path) =>
      path.endsWith(suffix) ||
      (suffix.startsWith("/") && path === suffix.slice(1));
  }

  const regex = toRegExp(pattern);
  return (path) => regex.test(path);
}

function toRegExp(pattern: string): RegExp {
  const chars = [...pattern];
  let source = "^";

  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    if (ch === "*" && chars[i + 1] === "*") {
      i += 1;
      if (chars[i + 1] === "/") i += 1;
      source += i + 1 >= chars.length ? ".*" : "(.*/)?";
    } else if (ch === "*") {
      source += "[^/]*";
    } else if (ch === "?") {
      source += "[^/]";
    } else if (ch === "\\") {
      const next = chars[i + 1] ?? "\\";
      source += SYNTAX.test(next) ? `\\${next}` : next;
      i += 1;
    } else if (ch === "[" || ch === "]") {
      source += ch;
    } else {
      source += ESCAPED.test(ch) ? `\\${ch}` : ch;
    }
  }
  return new RegExp(`${source}$`, "u");
}
