import { parseArgs } from "node:util";
import type { Command, OptionValues } from "./command";
import { UsageError } from "./io";

/** The command's options, plus `--json` and `--help`, read strictly. */
export function parseOptions(
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
      "invalid_option",
    );
  }
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
