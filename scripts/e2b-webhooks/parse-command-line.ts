import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Command, OptionValues } from "./command";
import { UsageError } from "./io";

/** The command's options, plus `--json` and `--help`, read strictly. */
export function parseOptions(
  command: Command,
  args: string[],
): { values: OptionValues; positionals: string[] } {
  const config = {
    args,
    options: {
      ...command.options,
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  } satisfies ParseArgsConfig;
  try {
    const { values, positionals } = parseArgs({ ...config, strict: true });
    // No option is declared `multiple`, so no value is an array.
    return { values: values as OptionValues, positionals };
  } catch {
    // Node's messages speak of parseArgs, not of this CLI, and quote
    // unevenly: find the offending option again and say it our way.
    throw new UsageError(
      explainParseFailure(command, config),
      "invalid_option",
    );
  }
}

function explainParseFailure(
  command: Command,
  config: ParseArgsConfig,
): string {
  const help = `see pnpm e2b:webhooks ${command.name} --help`;
  const { tokens } = parseArgs({ ...config, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== "option") continue;

    const type = config.options?.[token.name]?.type;
    const option = token.rawName;
    const value = token.value;
    if (type === undefined) {
      return `unknown option ${option} for "${command.name}"; ${help}`;
    }
    if (type === "boolean" && value !== undefined) {
      return `${option} takes no value; ${help}`;
    }
    if (type === "string" && value === undefined) {
      return `${option} needs a value; ${help}`;
    }
    // Node refuses `--url --json` rather than take "--json" as the URL.
    if (!token.inlineValue && value?.startsWith("-")) {
      return `${option} needs a value, but ${value} follows it; ${help}`;
    }
  }
  return `cannot read the options of "${command.name}"; ${help}`;
}

/** Throws a `UsageError` unless exactly the command's arguments are given. */
export function checkPositionals(
  command: Command,
  positionals: string[],
): void {
  const expected = command.positionals;
  if (positionals.length < expected.length) {
    throw new UsageError(
      `${command.name} needs ${expected.join(" ")}`,
      "missing_argument",
    );
  }
  if (positionals.length > expected.length) {
    const extra = positionals.slice(expected.length).join(" ");
    throw new UsageError(
      `unexpected argument: ${extra}`,
      "unexpected_argument",
    );
  }
}
