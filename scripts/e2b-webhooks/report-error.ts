import type { ApiError } from "../../lib/e2b-api/api-result";
import { displayUrl } from "../../lib/e2b-api/display-url";
import { EnvironmentError, EXIT, type CliIo, type UsageError } from "./io";

export interface ErrorContext {
  /** The webhook the command was about, for a 404's hint. */
  webhookId?: string;
  baseUrl: string;
  json: boolean;
}

/** What `--json` prints on stderr for every failure, on one line. */
export interface JsonError {
  code: string;
  message: string;
  [detail: string]: unknown;
}

export function printJsonError(io: CliIo, error: JsonError): void {
  io.err(JSON.stringify({ error }) + "\n");
}

/** Prints an API failure with a hint for fixing it; returns the exit code. */
export function reportApiError(
  io: CliIo,
  error: ApiError,
  context: ErrorContext,
): number {
  const code =
    error.reason === "network_error" || error.reason === "timeout"
      ? EXIT.unreachable
      : EXIT.apiError;
  const hint = hintFor(error, context);

  if (context.json) {
    const { reason, message, ...details } = error;
    printJsonError(io, {
      code: reason,
      message,
      ...details,
      ...(hint && { hint }),
    });
    return code;
  }
  io.err(`Error (${error.reason}): ${error.message}\n`);
  if (hint) io.err(`${hint}\n`);

  return code;
}

/**
 * Prints a mistake in the command line or the environment; returns the
 * usage exit code. `command`: the command it was for, to point at its help.
 */
export function reportUsageError(
  io: CliIo,
  error: UsageError,
  context: { json: boolean; command?: string },
): number {
  if (context.json) {
    printJsonError(io, { code: error.code, message: error.message });
    return EXIT.usage;
  }

  io.err(`Error: ${error.message}\n`);
  // A missing variable is not fixed by reading the options, and a message
  // that already points to the help needs no second pointer.
  const help = `pnpm e2b:webhooks ${context.command} --help`;
  if (
    context.command &&
    !(error instanceof EnvironmentError) &&
    !error.message.includes(help)
  ) {
    io.err(`Run \`${help}\` for usage.\n`);
  }
  return EXIT.usage;
}

function hintFor(error: ApiError, context: ErrorContext): string | null {
  switch (error.reason) {
    case "unauthorized":
      return "E2B refused the API key: check E2B_API_KEY (keys start with e2b_; create one at https://e2b.dev/dashboard?tab=keys).";
    case "not_found":
      return context.webhookId
        ? `No webhook with id ${context.webhookId} on this team: run \`pnpm e2b:webhooks list\` to see the ids.`
        : null;
    case "network_error":
    case "timeout":
      return `Check E2B_API_URL (now ${displayUrl(context.baseUrl)}) and the network.`;
    default:
      return null;
  }
}
