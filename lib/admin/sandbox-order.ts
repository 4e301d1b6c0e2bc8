import type { Sandbox } from "../registry/sandbox";

/** Sorts sandboxes by their latest activity, most recent first. */
export function byRecentActivity(sandboxes: Sandbox[]): Sandbox[] {
  const activity = (s: Sandbox) => Date.parse(s.lastEventAt ?? s.createdAt);
  return [...sandboxes].sort(
    (a, b) =>
      activity(b) - activity(a) || a.sandboxId.localeCompare(b.sandboxId),
  );
}
