/** Lays rows out as a plain-text table: columns padded, no trailing spaces. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0),
      )
      .join("  ")
      .trimEnd();

  return [line(header), ...rows.map(line)].join("\n") + "\n";
}

/** Lays out `label  value` pairs, labels aligned. */
export function details(pairs: [string, string][]): string {
  const width = Math.max(...pairs.map(([label]) => label.length));
  return (
    pairs
      .map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)
      .join("\n") + "\n"
  );
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}

/** `sandbox.lifecycle.killed` reads as `killed` in a narrow column. */
export function shortType(type: string | null | undefined): string {
  if (!type) return "-";
  return type.startsWith("sandbox.lifecycle.")
    ? type.slice("sandbox.lifecycle.".length)
    : type;
}

export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === ""
    ? "-"
    : String(value);
}
