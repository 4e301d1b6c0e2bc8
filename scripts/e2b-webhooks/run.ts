import { parseArgs } from "node:util";
import { E2bApi } from "../../lib/e2b-api/client";
import type { Command, CommandContext, OptionValues } from "./command";
import { deliveries } from "./commands/deliveries";
import { remove } from "./commands/delete";
import { list } from "./commands/list";
import { register } from "./commands/register";
import { show } from "./commands/show";
import { update } from "./commands/update";
import { readApiKey, readBaseUrl } from "./environment";
import { commandHelp, mainHelp } from "./help";
import { EnvironmentError, EXIT, UsageError, type CliIo } from "./io";
import { reportApiError } from "./report-error";

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
  if (name === undefined) {
    io.err(mainHelp(COMMANDS));
    return EXIT.usage;
  }
  if (name === "help" || name === "--help" || name === "-h") {
    const topic = COMMANDS.find((c) => c.name === rest[0]);
    io.out(topic ? commandHelp(topic) : mainHelp(COMMANDS));
    return EXIT.ok;
  }

  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const names = COMMANDS.map((c) => c.name).join(", ");
    io.err(`Unknown command "${name}". Commands: ${names}.\n`);
    return EXIT.usage;
  }

  try {
    return await runCommand(command, rest, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;

    io.err(`Error: ${error.message}\n`);
    if (error instanceof EnvironmentError) return EXIT.usage;
    io.err(`Run \`pnpm e2b:webhooks ${command.name} --help\` for usage.\n`);
    return EXIT.usage;
  }
}

async function runCommand(
  command: Command,
  args: string[],
  io: CliIo,
): Promise<number> {
  const { values, positionals } = parse(command, args);
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

function parse(
  command: Command,
  args: string[],
): { values: OptionValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: {
        ...command.options,
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    });
    // No option is declared `multiple`, so no value is an array.
    return { values: values as OptionValues, positionals };
  } catch (error) {
    // parseArgs explains unknown flags and missing values well already.
    throw new UsageError(
      error instanceof Error ? error.message : String(error),
    );
  }
}

function checkPositionals(command: Command, positionals: string[]): void {
  const expected = command.positionals;
  if (positionals.length < expected.length) {
    throw new UsageError(`${command.name} needs ${expected.join(" ")}`);
  }
  if (positionals.length > expected.length) {
    const extra = positionals.slice(expected.length).join(" ");
    throw new UsageError(`unexpected argument: ${extra}`);
  }
}
