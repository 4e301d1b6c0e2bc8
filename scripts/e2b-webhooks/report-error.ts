import type { ApiError } from "../../lib/e2b-api/api-result";
import { EXIT, type CliIo } from "./io";

export interface ErrorContext {
  /** The webhook the command was about, for a 404's hint. */
  webhookId?: string;
  baseUrl: string;
  json: boolean;
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

  if (context.json) {
    io.err(JSON.stringify({ error }) + "\n");
    return code;
  }
  io.err(`Error (${error.reason}): ${error.message}\n`);
  const hint = hintFor(error, context);
  if (hint) io.err(`${hint}\n`);

  return code;
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
      return `Check E2B_API_URL (now ${context.baseUrl}) and the network.`;
    default:
      return null;
  }
}
