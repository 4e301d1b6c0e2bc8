import { Writable } from "node:stream";
import type * as Log from "@/lib/log/logger";

/** Every line the runtime's loggers wrote since the test last emptied it. */
export const loggedLines: string[] = [];

/**
 * The logger module with each new logger writing to `loggedLines`, so that
 * a test sees the lines of every part of the runtime, in the format the
 * environment asks for. Use as `vi.mock`'s factory.
 */
export function capturing(actual: typeof Log): typeof Log {
  return {
    ...actual,
    createLogger: (options) =>
      actual.createLogger({
        ...options,
        destination: new Writable({
          write(chunk: Buffer, _encoding, done) {
            loggedLines.push(...String(chunk).split("\n").filter(Boolean));
            done();
          },
        }),
      }),
  };
}
