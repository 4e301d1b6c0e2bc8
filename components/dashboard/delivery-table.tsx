import type { DeliveryReport } from "@/lib/pipeline/report-delivery";
import { formatDuration, shortId, shortType } from "./format";
import { orMissing } from "./or-missing";
import { outcomeMeaning, severityOf } from "./outcomes";
import { TimeAgo } from "./time-ago";

interface DeliveryTableProps {
  deliveries: DeliveryReport[];
  logSize: number;
  now: number;
}

/** The latest deliveries, newest first; rejections and failures stand out. */
export function DeliveryTable({
  deliveries,
  logSize,
  now,
}: DeliveryTableProps) {
  return (
    <section className="card" aria-labelledby="deliveries-title">
      <header className="card__header">
        <h2 id="deliveries-title">Recent deliveries</h2>
        {/* JSON from a route handler, not a page: a plain link is right.
            The rule mistakes app/api/[...path] for a page. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a className="muted link" href="/api/deliveries">
          last {logSize} as JSON
        </a>
      </header>
      {deliveries.length === 0 ? (
        <p className="table-empty">No deliveries since the server started.</p>
      ) : (
        <table className="table" data-testid="deliveries">
          <thead>
            <tr>
              <th>Received</th>
              <th>Status</th>
              <th>Outcome</th>
              <th>Event</th>
              <th>Sandbox</th>
              <th>Event id</th>
              <th>Delivery id</th>
              <th className="numeric">Took</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((delivery, index) => (
              <DeliveryRow
                key={`${delivery.receivedAt}-${delivery.deliveryId}-${index}`}
                delivery={delivery}
                now={now}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DeliveryRow({
  delivery,
  now,
}: {
  delivery: DeliveryReport;
  now: number;
}) {
  const severity = severityOf(delivery.status, delivery.outcome);
  const meaning = outcomeMeaning(delivery.outcome);
  return (
    <tr
      className={`delivery delivery--${severity}`}
      data-outcome={delivery.outcome}
    >
      <td data-label="Received">
        <TimeAgo iso={delivery.receivedAt} now={now} />
      </td>
      <td data-label="Status">
        <span className={`status status--${severity}`}>{delivery.status}</span>
      </td>
      <td data-label="Outcome" title={meaning}>
        <span className="outcome">{delivery.outcome}</span>
        {severity === "rejected" || severity === "failed" ? (
          <span className="outcome__meaning">{meaning}</span>
        ) : null}
      </td>
      <td data-label="Event" className="event-type">
        {orMissing(delivery.eventType && shortType(delivery.eventType))}
      </td>
      <td data-label="Sandbox" className="mono">
        {orMissing(delivery.sandboxId)}
      </td>
      <td
        data-label="Event id"
        className="mono wide-only"
        title={delivery.eventId ?? ""}
      >
        {orMissing(delivery.eventId && shortId(delivery.eventId))}
      </td>
      <td
        data-label="Delivery id"
        className="mono wide-only"
        title={delivery.deliveryId ?? ""}
      >
        {orMissing(delivery.deliveryId && shortId(delivery.deliveryId))}
      </td>
      <td data-label="Took" className="numeric">
        {formatDuration(delivery.durationMs)}
      </td>
    </tr>
  );
}
