import type { ParseArgsConfig } from "node:util";
import type { ApiError } from "../../lib/e2b-api/api-result";
import type { E2bApi } from "../../lib/e2b-api/client";
import type { CliIo } from "./io";

export type OptionValues = Record<string, string | boolean | undefined>;

/** What a command gets once its command line has been parsed. */
export interface CommandContext {
  values: OptionValues;
  positionals: string[];
  io: CliIo;
  json: boolean;
  /** The API client; throws `UsageError` when E2B_API_KEY is missing. */
  api(): E2bApi;
  /** Prints an API failure and returns the exit code for it. */
  fail(error: ApiError, webhookId?: string): number;
}

/** One `pnpm e2b:webhooks <name>` command and its help. */
export interface Command {
  name: string;
  summary: string;
  /** Such as `show ID`. */
  usage: string;
  description: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** `[flags, explanation]` lines for `--help`. */
  optionHelp: [string, string][];
  /** Names of the required positional arguments, such as `["ID"]`. */
  positionals: string[];
  run(context: CommandContext): Promise<number>;
}

export function text(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

export function flag(values: OptionValues, name: string): boolean {
  return values[name] === true;
}
