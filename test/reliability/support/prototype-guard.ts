/** The own keys of the built-in prototypes a payload could reach. */
export function prototypeKeys(): string {
  return [Object.prototype, Array.prototype, Function.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(","))
    .join("|");
}

/** Whether a plain object inherits a key a payload tried to plant. */
export function polluted(): boolean {
  const probe: Record<string, unknown> = {};
  return probe.polluted !== undefined || probe.prototype !== undefined;
}
