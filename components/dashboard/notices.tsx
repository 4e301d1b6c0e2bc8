import type { DashboardSnapshot } from "@/lib/observability/dashboard-snapshot";
import type { LiveStatus } from "./use-live-snapshot";

/** Problems worth a banner: no secret, or live updates stopped. */
export function Notices({
  snapshot,
  status,
}: {
  snapshot: DashboardSnapshot;
  status: LiveStatus;
}) {
  return (
    <>
      {snapshot.receiver.secretConfigured ? null : (
        <p className="notice notice--error" role="alert">
          <strong>E2B_WEBHOOK_SECRET is not set.</strong> Every delivery is
          refused with 500 <code>not_configured</code> until it is.
        </p>
      )}
      {status === "closed" ? (
        <p className="notice notice--warn" role="alert">
          Live updates stopped: the session may have ended or the server
          restarted.{" "}
          <button
            className="link-button"
            type="button"
            onClick={() => window.location.reload()}
          >
            Reload
          </button>{" "}
          to continue.
        </p>
      ) : null}
      {status === "unavailable" ? (
        <p className="notice notice--warn" role="alert">
          The registry cannot be read right now; the figures below may be out of
          date.
        </p>
      ) : null}
    </>
  );
}
