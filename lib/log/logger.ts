import pino, {
  type LogFn,
  type Logger,
  type LoggerOptions as Settings,
} from "pino";
import pretty from "pino-pretty";
import { oneLineError } from "./one-line-error";

/** Every line carries this tag, so `grep "\[e2b-webhook\]"` finds them all. */
export const LOG_TAG = "[e2b-webhook]";

export interface LoggerOptions {
  format: "pretty" | "json";
  level: string;
  /** Where lines go; standard output by default. */
  destination?: NodeJS.WritableStream;
}

/**
 * Creates the receiver's logger. Secrets, signatures and bodies are never
 * passed to it; the redaction below is a second line of defence.
 */
export function createLogger(options: LoggerOptions): Logger {
  const settings: Settings = {
    level: options.level,
    msgPrefix: `${LOG_TAG} `,
    base: { service: "e2b-webhook" },
    redact: {
      paths: ["secret", "signature", "headers.authorization", "*.secret"],
      censor: "[redacted]",
    },
    hooks: { logMethod: withMessage },
  };
  if (options.format === "json") {
    return options.destination
      ? pino(settings, options.destination)
      : pino(settings);
  }

  return pino(
    { ...settings, serializers: { err: oneLineError } },
    pretty({
      sync: true,
      // pino-pretty prints `err` over many untagged lines even in
      // single-line mode, so it goes after the message instead.
      ignore: "pid,hostname,service,err",
      messageFormat: withError,
      translateTime: "SYS:HH:MM:ss.l",
      // One line per entry, so `grep "\[e2b-webhook\]"` keeps the details.
      singleLine: true,
      ...(options.destination && { destination: options.destination }),
    }),
  );
}

function withError(log: Record<string, unknown>, messageKey: string): string {
  const message = String(log[messageKey] ?? "");
  if (log.err === undefined) return message;

  const error = typeof log.err === "string" ? log.err : JSON.stringify(log.err);
  return `${message.trimEnd()} | ${error}`;
}

// pino adds `msgPrefix` (the tag) only to a message it was given, so an
// entry logged without one gets its error's message, or an empty one; and a
// message over two lines would leave its second one untagged.
function withMessage(
  this: Logger,
  args: Parameters<LogFn>,
  method: LogFn,
): void {
  const copy: unknown[] = [...args];
  const at = [0, 1].find((index) => typeof copy[index] === "string");
  if (at === undefined) {
    copy.splice(1, 0, oneLine(errorMessage(copy[0])));
  } else {
    copy[at] = oneLine(String(copy[at]));
  }
  method.apply(this, copy as Parameters<LogFn>);
}

function errorMessage(entry: unknown): string {
  const error =
    entry instanceof Error ? entry : (entry as { err?: unknown } | null)?.err;
  return error instanceof Error ? error.message : "";
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, " ");
}
