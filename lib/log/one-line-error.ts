const MAX_CAUSES = 3;

/**
 * Renders an error as one line: `Name [code]: message (at first frame)`,
 * then its causes. Anything that is not an `Error` is returned unchanged.
 *
 * @example
 * oneLineError(new TypeError("x is not a function"));
 * // "TypeError: x is not a function (at run (/app/lib/run.ts:3:5))"
 */
export function oneLineError(value: unknown): unknown {
  if (!(value instanceof Error)) return value;

  const frame = firstFrame(value.stack);
  let line = frame ? `${describe(value)} (${frame})` : describe(value);
  let cause = value.cause;
  for (let depth = 0; depth < MAX_CAUSES && cause !== undefined; depth++) {
    line += `; caused by ${cause instanceof Error ? describe(cause) : flat(messageOf(cause))}`;
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return line;
}

function describe(error: Error): string {
  const code = codeOf(error);
  const label =
    code && !error.message.includes(code)
      ? `${error.name} [${code}]`
      : error.name;
  // A failed connect to a dual-stack host is an AggregateError with an
  // empty message: the attempts hold what went wrong.
  const message =
    error.message === "" && error instanceof AggregateError
      ? error.errors.map((inner) => flat(messageOf(inner))).join("; ")
      : flat(error.message);
  return message === "" ? label : `${label}: ${message}`;
}

function messageOf(value: unknown): string {
  return value instanceof Error ? value.message : String(value);
}

function codeOf(error: Error): string | undefined {
  const code = "code" in error ? error.code : undefined;
  return typeof code === "string" || typeof code === "number"
    ? String(code)
    : undefined;
}

function firstFrame(stack: string | undefined): string | undefined {
  return stack
    ?.split("\n")
    .find((line) => /^\s+at /.test(line))
    ?.trim();
}

// Control characters would break the line or drive the terminal.
function flat(text: string): string {
  return text.replace(/[\s\p{Cc}]+/gu, " ").trim();
}
