import type { DashboardSnapshot } from "@/lib/observability/dashboard-snapshot";
import { relativeTime } from "./format";

interface CounterProps {
  label: string;
  value: number;
  hint: string;
  tone: "running" | "paused" | "neutral" | "bad";
}

// Rejections and failures turn red only when there are some.
function Counter({ label, value, hint, tone }: CounterProps) {
  const shown = tone === "bad" && value === 0 ? "quiet" : tone;
  const group =
    tone === "running" || tone === "paused" ? "sandbox" : "delivery";
  return (
    <div className={`counter counter--${shown} counter--${group}`}>
      <span className="counter__label">{label}</span>
      <span className="counter__value">{value.toLocaleString("en")}</span>
      <span className="counter__hint">{hint}</span>
    </div>
  );
}

/** The headline numbers: sandboxes by state, deliveries by how answered. */
export function Counters({
  snapshot,
  now,
}: {
  snapshot: DashboardSnapshot;
  now: number;
}) {
  const { sandboxCount, totals, receiver } = snapshot;
  return (
    <section aria-label="Counters">
      <div className="counters">
        <Counter
          label="Running"
          value={sandboxCount.running}
          hint="sandboxes"
          tone="running"
        />
        <Counter
          label="Paused"
          value={sandboxCount.paused}
          hint="sandboxes"
          tone="paused"
        />
        <Counter
          label="Accepted"
          value={totals.accepted}
          hint={`of ${totals.received.toLocaleString("en")} deliveries`}
          tone="neutral"
        />
        <Counter
          label="Rejected"
          value={totals.rejected}
          hint="4xx answers"
          tone="bad"
        />
        <Counter
          label="Failed"
          value={totals.failed}
          hint="5xx, E2B retries"
          tone="bad"
        />
      </div>
      <p className="receiver-line">
        Started {relativeTime(receiver.startedAt, now)} · {receiver.store}{" "}
        registry · keeps the last {receiver.deliveryLogSize} deliveries
        {receiver.store === "redis" ? " · counts are this replica's" : ""}
      </p>
    </section>
  );
}
