import type { Command } from "./command";
import { ENV_FILES } from "./env-files";
import { EXIT } from "./io";

const COMMON_OPTIONS: [string, string][] = [
  ["--json", 'print JSON; errors go to stderr as {"error":{"code","message"}}'],
  ["-h, --help", "show this help"],
];

/** The help for one command. */
export function commandHelp(command: Command): string {
  const lines = [...command.optionHelp, ...COMMON_OPTIONS];
  const width = Math.max(...lines.map(([flags]) => flags.length));
  const options = lines.map(
    ([flags, text]) => `  ${flags.padEnd(width)}  ${text}`,
  );

  return [
    `Usage: pnpm e2b:webhooks ${command.usage}`,
    "",
    command.description,
    "",
    "Options:",
    ...options,
    "",
  ].join("\n");
}

/** The overview: commands, environment and exit codes. */
export function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: pnpm e2b:webhooks <command> [options]",
    "",
    "Manages this receiver's webhook with E2B's API.",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Environment (exported, or in .env.local like the receiver's):",
    "  E2B_API_KEY         your team's API key (required)",
    "  E2B_API_URL         default https://api.e2b.app",
    "  E2B_WEBHOOK_SECRET  the receiver's secret, for register and --rotate-secret",
    "",
    "Env files are read as `next dev` reads them, from the working directory",
    "(the project root under pnpm):",
    `  ${ENV_FILES.join(", ")} (first wins).`,
    "A variable exported in the shell wins over every file.",
    "",
    "Exit codes:",
    `  ${EXIT.ok}  done`,
    `  ${EXIT.apiError}  E2B answered with an error (bad key, unknown id, refused request)`,
    `  ${EXIT.usage}  a mistake in the command line or the environment`,
    `  ${EXIT.unreachable}  E2B could not be reached or did not answer in time`,
    "",
    "In scripts, run `pnpm -s e2b:webhooks <command> --json`: without -s, pnpm",
    "prints its own `> e2b-webhook-receiver@...` banner on stdout before the JSON.",
    "",
    "Run `pnpm e2b:webhooks <command> --help` for a command's options.",
    "",
  ].join("\n");
}
