import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

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
  const settings = {
    level: options.level,
    msgPrefix: `${LOG_TAG} `,
    base: { service: "e2b-webhook" },
    redact: {
      paths: ["secret", "signature", "headers.authorization", "*.secret"],
      censor: "[redacted]",
    },
  };
  if (options.format === "json") {
    return options.destination
      ? pino(settings, options.destination)
      : pino(settings);
  }

  return pino(
    settings,
    pretty({
      sync: true,
      ignore: "pid,hostname,service",
      translateTime: "SYS:HH:MM:ss.l",
      // One line per entry, so `grep "\[e2b-webhook\]"` keeps the details.
      singleLine: true,
      ...(options.destination && { destination: options.destination }),
    }),
  );
}
