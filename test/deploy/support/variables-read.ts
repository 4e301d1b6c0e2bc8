import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../../scripts/support/production-build";

const SOURCES = [
  "app",
  "lib",
  "scripts",
  "instrumentation.ts",
  "test-e2b-webhook.ts",
];

// Set by the system, Node, Next.js or the terminal, not by the person
// deploying.
const PLATFORM = new Set([
  "PATH",
  "NODE_ENV",
  "NEXT_RUNTIME",
  "NO_COLOR",
  "FORCE_COLOR",
]);

const PATTERNS = [
  // Keys of the configuration schema: `  WEBHOOK_MAX_BODY_BYTES: integer(...)`.
  /^ {2}([A-Z][A-Z0-9_]+):/gm,
  // Reads such as `env.E2B_API_KEY` or `process.env.REDIS_URL`.
  /\benv\.([A-Z][A-Z0-9_]+)/g,
  // Names as strings: `env["E2B_WEBHOOK_SECRET"]`, `readSecret("...")`.
  /["'`]((?:E2B|WEBHOOK|REDIS|LOG)_[A-Z0-9_]+)["'`]/g,
];

/** Every environment variable the app, its scripts and CLIs read. */
export function variablesRead(): Set<string> {
  const names = new Set<string>();
  for (const text of sourceTexts()) {
    for (const pattern of PATTERNS) {
      for (const [, name = ""] of text.matchAll(pattern)) {
        if (!PLATFORM.has(name)) names.add(name);
      }
    }
  }
  return names;
}

function sourceTexts(): string[] {
  const texts: string[] = [];
  const visit = (path: string) => {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else if (/\.(ts|tsx|mjs)$/.test(path)) {
      texts.push(readFileSync(path, "utf8"));
    }
  };
  for (const source of SOURCES) visit(join(ROOT, source));
  return texts;
}
