import type { LiveStatus } from "./use-live-snapshot";

const LABELS: Record<LiveStatus, string> = {
  connecting: "Connecting",
  live: "Live",
  reconnecting: "Reconnecting",
  unavailable: "Registry unavailable",
  closed: "Offline",
};

/** Whether the page is receiving live updates. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  return (
    <span className={`live live--${status}`} role="status" data-status={status}>
      <span className="live__dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
