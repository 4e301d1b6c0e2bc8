import { relativeTime } from "./format";

/** A relative time ("3 min ago") with the exact instant on hover. */
export function TimeAgo({ iso, now }: { iso: string | null; now: number }) {
  if (iso === null) return <span className="muted">—</span>;

  return (
    <time dateTime={iso} title={iso}>
      {relativeTime(iso, now)}
    </time>
  );
}
