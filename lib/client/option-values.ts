/** The shape of `parseArgs` options this helper needs to know. */
export type OptionSpec = Record<
  string,
  { type: "string" | "boolean"; short?: string }
>;

/**
 * Rewrites `--name value` as `--name=value` for options that take a value
 * and a value that starts with `-`, as a generated secret can: `parseArgs`
 * would refuse it as ambiguous. A value that is itself one of the options
 * is left alone, so `--secret --url x` is still reported as a mistake.
 *
 * @example
 * attachOptionValues(["--secret", "-x1"], { secret: { type: "string" } });
 * // ["--secret=-x1"]
 */
export function attachOptionValues(
  args: readonly string[],
  options: OptionSpec,
): string[] {
  const flags = optionFlags(options);
  const attached: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? "";
    const next = args[index + 1];
    if (arg === "--") return [...attached, ...args.slice(index)];

    const takesValue = options[arg.slice(2)]?.type === "string";
    if (arg.startsWith("--") && takesValue && isDashValue(next, flags)) {
      attached.push(`${arg}=${next}`);
      index += 1;
    } else {
      attached.push(arg);
    }
  }

  return attached;
}

function optionFlags(options: OptionSpec): Set<string> {
  return new Set(
    Object.entries(options).flatMap(([name, { short }]) =>
      short ? [`--${name}`, `-${short}`] : [`--${name}`],
    ),
  );
}

function isDashValue(
  value: string | undefined,
  flags: ReadonlySet<string>,
): value is string {
  if (value === undefined || !value.startsWith("-") || value === "--") {
    return false;
  }

  return !flags.has(value.split("=")[0] ?? value);
}
