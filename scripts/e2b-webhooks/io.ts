/** Where the CLI writes and what it reads; injected so tests can run it. */
export interface CliIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The CLI's exit codes, also listed by `--help`. */
export const EXIT = {
  ok: 0,
  /** E2B answered with an error (401, 404, `{ code, message }`...). */
  apiError: 1,
  /** A mistake in the command line or the environment. */
  usage: 2,
  /** E2B could not be reached, or did not answer in time. */
  unreachable: 3,
} as const;

/**
 * A mistake the user can fix by changing the command or the environment.
 * `code` is what `--json` prints, stable for scripts.
 */
export class UsageError extends Error {
  override name = "UsageError";
  readonly code: string;

  constructor(message: string, code = "usage_error") {
    super(message);
    this.code = code;
  }
}

/** A missing or invalid environment variable: `--help` would not help. */
export class EnvironmentError extends UsageError {
  override name = "EnvironmentError";

  constructor(message: string, code = "environment_error") {
    super(message, code);
  }
}
