/**
 * Sends signed test deliveries to a running receiver and checks each answer:
 * the setup guide's five checks in the legacy shape (`X-E2B-Signature`), then
 * a lifecycle in E2B's current shape (`e2b-signature`), a retried delivery
 * and a late event after a kill.
 *
 *   pnpm tsx test-e2b-webhook.ts [--url URL] [--secret S]
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  runChecks,
  type Check,
  type CheckResult,
} from "./lib/client/checks/check";
import { closingHints } from "./lib/client/checks/closing-hints";
import { e2bChecks } from "./lib/client/checks/e2b-checks";
import { legacyChecks } from "./lib/client/checks/legacy-checks";
import {
  attachOptionValues,
  type OptionSpec,
} from "./lib/client/option-values";
import { resolveSecret } from "./lib/client/resolve-secret";
import { colourEnabled, paint } from "./lib/client/terminal";

const DEFAULT_URL = "http://localhost:3000/api/webhooks/e2b";
const USAGE = `Usage: pnpm tsx test-e2b-webhook.ts [--url URL] [--secret S]

  --url     the receiver's webhook URL (default ${DEFAULT_URL})
  --secret  the webhook secret (default: E2B_WEBHOOK_SECRET from the
            environment, else from .env.local; exported empty, it is
            none, as for the server); --secret=S works too
  -h, --help  show this help`;

const OPTIONS = {
  url: { type: "string" },
  secret: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionSpec;

async function main(): Promise<number> {
  const args = readArgs();
  if (args === "help") return 0;
  if (args === null) return 2;

  const secret = resolveSecret(
    args.secret,
    process.env,
    resolve(process.cwd(), ".env.local"),
  );
  if (!secret.ok) {
    console.error(secret.message);
    return 2;
  }

  console.log(`Testing ${args.url} (secret from ${secret.source})\n`);
  const target = { url: args.url, secret: secret.secret, now: Date.now };
  const checks = [...legacyChecks(target), ...e2bChecks(target)];
  const results = await runChecks(checks, printResult);

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  for (const hint of closingHints(results, args.url, secret.source)) {
    console.error(`\n${hint}`);
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

function readArgs(): { url: string; secret?: string } | "help" | null {
  try {
    const { values } = parseArgs({
      args: attachOptionValues(process.argv.slice(2), OPTIONS),
      options: OPTIONS,
    });
    if (values.help) {
      console.log(USAGE);
      return "help";
    }
    const url = values.url ?? DEFAULT_URL;
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      throw new Error(`--url must be an http(s) URL, got "${url}"`);
    }
    return { url, secret: values.secret };
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return null;
  }
}

const colour = colourEnabled();

function printResult(check: Check, result: CheckResult): void {
  const mark = result.ok
    ? paint("✓", "green", colour)
    : paint("✗", "red", colour);
  console.log(`${mark} ${check.name}: ${paint(result.detail, "dim", colour)}`);
}

process.exitCode = await main();
