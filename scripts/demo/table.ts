/** Decorates a cell after padding, so colour codes never skew the widths. */
export type Decorate = (cell: string, column: number) => string;

/** Renders rows under a header as aligned, space-separated columns. */
export function renderTable(
  header: readonly string[],
  rows: readonly string[][],
  decorate: Decorate = (cell) => cell,
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[], paint: Decorate) =>
    cells
      .map((cell, column) => {
        const padding = " ".repeat((widths[column] ?? 0) - cell.length);
        return `${paint(cell, column)}${padding}`;
      })
      .join("  ")
      .trimEnd();

  return [
    line(header, (cell) => cell),
    ...rows.map((row) => line(row, decorate)),
  ].join("\n");
}

/** One line of cells, each padded to its width (a last, wider cell is fine). */
export function padColumns(
  cells: readonly string[],
  widths: readonly number[],
  decorate: Decorate = (cell) => cell,
): string {
  return cells
    .map((cell, column) => {
      const padding = Math.max(0, (widths[column] ?? 0) - cell.length);
      return `${decorate(cell, column)}${" ".repeat(padding)}`;
    })
    .join(" ")
    .trimEnd();
}

/** Local wall-clock time, `HH:MM:SS`, of an epoch or RFC 3339 time. */
export function clock(time: number | string | null | undefined): string {
  if (time === null || time === undefined) return "";

  const date = new Date(time);
  return Number.isNaN(date.getTime())
    ? String(time)
    : date.toTimeString().slice(0, 8);
}
