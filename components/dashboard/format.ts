const UNITS: [limit: number, size: number, unit: string][] = [
  [60, 1, "s"],
  [3600, 60, "min"],
  [86_400, 3600, "h"],
  [Infinity, 86_400, "d"],
];

/** "12 s ago", "in 4 min", "just now"; "—" when there is no time. */
export function relativeTime(iso: string | null, nowMs: number): string {
  if (iso === null) return "—";
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;

  const seconds = Math.round((ms - nowMs) / 1000);
  const magnitude = Math.abs(seconds);
  if (magnitude < 2) return "just now";

  const [, size, unit] = UNITS.find(([limit]) => magnitude < limit) ?? [];
  const amount = `${Math.floor(magnitude / (size ?? 1))} ${unit ?? "s"}`;
  return seconds < 0 ? `${amount} ago` : `in ${amount}`;
}

/** `sandbox.lifecycle.paused` reads as `paused`; other types stay whole. */
export function shortType(type: string): string {
  return type.replace(/^sandbox\.lifecycle\./, "");
}

export function formatDuration(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

/** A long id's head, for tables; the whole id goes in the title. */
export function shortId(id: string, keep = 8): string {
  return id.length > keep + 1 ? `${id.slice(0, keep)}…` : id;
}
