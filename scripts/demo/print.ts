import type { Answer } from "../../lib/client/send-delivery";
import { paint, type Style } from "../../lib/client/terminal";
import type { PlannedDelivery } from "./day-plan";
import type { RegistryView, SandboxRow } from "./registry";
import { clock, padColumns, renderTable } from "./table";

const OUTCOME_STYLE: Record<string, Style> = {
  applied: "green",
  duplicate: "cyan",
  stale: "yellow",
  ignored: "blue",
};

// Delivery columns: time, signature header, sandbox, event, answer, note.
const WIDTHS = [8, 15, 15, 12, 22];
const TITLES = ["TIME", "SIGNED WITH", "SANDBOX", "EVENT", "ANSWER", "NOTE"];

/** The column titles above the delivery lines. */
export function deliveryHeader(colour: boolean): string {
  return paint(padColumns(TITLES, WIDTHS), "dim", colour);
}

const COLUMNS = [
  "SANDBOX",
  "NAME",
  "STATE",
  "TEMPLATE",
  "CREATED",
  "LAST EVENT",
  "ENDS AT",
  "METADATA",
];

/** One line per delivery: when, how signed, which sandbox, what came back. */
export function formatDelivery(
  planned: PlannedDelivery,
  answer: Answer,
  colour: boolean,
): string {
  const header = planned.scheme === "e2b" ? "e2b-signature" : "X-E2B-Signature";
  const cells = [clock(planned.atMs), header, planned.name, planned.event];
  if (!answer.reachable) {
    const failure = paint(`unreachable: ${answer.error}`, "red", colour);
    return `${padColumns(cells, WIDTHS)} ${failure}`;
  }

  const outcome = `${answer.status} ${answer.outcome}`;
  const style = OUTCOME_STYLE[answer.outcome] ?? "red";
  const said = answer.outcome === "applied" ? undefined : answer.body?.message;
  const note = [planned.note, said].filter(Boolean).join(": ");

  return padColumns([...cells, outcome, note], WIDTHS, (cell, column) => {
    if (column === 0 || column === 5) return paint(cell, "dim", colour);
    return column === 4 ? paint(cell, style, colour) : cell;
  });
}

/** The registry as the server reports it: live sandboxes, then tombstones. */
export function formatRegistry(
  view: RegistryView,
  names: ReadonlyMap<string, string>,
  colour: boolean,
): string[] {
  if (!view.available) {
    return [
      `The registry read API is not available (${view.reason}), so the final registry cannot be shown.`,
    ];
  }

  const rows = view.sandboxes.map((row) => sandboxCells(row, names));
  const lines = [
    renderTable(COLUMNS, rows, (cell, column) => {
      if (column === 0) return paint(cell, "bold", colour);
      if (column !== 2) return cell;
      return paint(cell, cell === "running" ? "green" : "yellow", colour);
    }),
  ];
  for (const row of view.killed) {
    const name = names.get(row.sandboxId) ?? "";
    const reason = row.killReason ? ` (${row.killReason})` : "";
    const killed = paint("killed", "red", colour);
    lines.push(
      `${killed} ${row.sandboxId}  ${name} at ${clock(row.killedAt)}${reason}`,
    );
  }

  return lines;
}

function sandboxCells(
  row: SandboxRow,
  names: ReadonlyMap<string, string>,
): string[] {
  const lastType = row.lastEventType?.replace("sandbox.lifecycle.", "") ?? "";
  const metadata = Object.entries(row.metadata ?? {}).map(
    ([key, value]) => `${key}=${value}`,
  );

  return [
    row.sandboxId,
    names.get(row.sandboxId) ?? "",
    row.state,
    row.templateId ?? "",
    clock(row.createdAt),
    `${lastType} ${clock(row.lastEventAt)}`.trim(),
    clock(row.endAt),
    metadata.join(" "),
  ];
}
