import { E2bApi } from "../../lib/e2b-api/client";
import type { Command, CommandContext } from "./command";
import { deliveries } from "./commands/deliveries";
import { remove } from "./commands/delete";
import { list } from "./commands/list";
import { register } from "./commands/register";
import { show } from "./commands/show";
import { update } from "./commands/update";
import { readApiKey, readBaseUrl } from "./environment";
import { commandHelp, mainHelp } from "./help";
import { EXIT, UsageError, type CliIo } from "./io";
import { checkPositionals, parseOptions } from "./parse-command-line";
import { reportApiError, reportUsageError } from "./report-error";

export const COMMANDS: readonly Command[] = [
  register,
  list,
  show,
  update,
  remove,
  deliveries,
];

const TIMEOUT_MS = 15_000;

/** Runs one command line; resolves to the process's exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "help" || name === "--help" || name === "-h") {
    const topic = COMMANDS.find((c) => c.name === rest[0]);
    io.out(topic ? commandHelp(topic) : mainHelp(COMMANDS));
    return EXIT.ok;
  }

  const json = wantsJson(argv);
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) return missingCommand(name, json, io);

    return await runCommand(command, rest, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;

    return reportUsageError(io, error, { json, command: command?.name });
  }
}

// Read before parsing, so that a command line too wrong to parse still
// answers a script in JSON.
function wantsJson(argv: string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).includes("--json");
}

function missingCommand(
  name: string | undefined,
  json: boolean,
  io: CliIo,
): number {
  const names = COMMANDS.map((c) => c.name).join(", ");
  if (name !== undefined && name !== "--json") {
    throw new UsageError(
      `Unknown command "${name}". Commands: ${names}.`,
      "unknown_command",
    );
  }
  if (json) {
    throw new UsageError(
      `No command given: start with one of ${names}.`,
      "missing_command",
    );
  }

  io.err(mainHelp(COMMANDS));
  return EXIT.usage;
}

async function runCommand(
  command: Command,
  args: string[],
  io: CliIo,
): Promise<number> {
  const { values, positionals } = parseOptions(command, args);
  if (values.help === true) {
    io.out(commandHelp(command));
    return EXIT.ok;
  }
  checkPositionals(command, positionals);

  const json = values.json === true;
  const baseUrl = readBaseUrl(io.env);
  const context: CommandContext = {
    values,
    positionals,
    io,
    json,
    api: () =>
      new E2bApi({
        apiKey: readApiKey(io.env),
        baseUrl,
        timeoutMs: TIMEOUT_MS,
      }),
    fail: (error, webhookId) =>
      reportApiError(io, error, { webhookId, baseUrl, json }),
  };
  return command.run(context);
}
