import type { Logger } from "pino";
import type { DeliveryReport } from "../pipeline/report-delivery";
import type { ChangeFeed } from "./change-feed";
import type { DeliveryLog } from "./delivery-log";
import type { Metrics } from "./metrics";

export interface DeliveryObservers {
  deliveryLog: DeliveryLog;
  metrics: Metrics;
  changes: ChangeFeed;
  logger: Logger;
}

/**
 * Counts a delivery, keeps its report in the delivery log and wakes live
 * views. Never rejects: a delivery log that cannot be written is logged and
 * must not change the answer E2B gets.
 */
export async function recordDelivery(
  observers: DeliveryObservers,
  report: DeliveryReport,
): Promise<void> {
  observers.metrics.observeDelivery(report);
  try {
    await observers.deliveryLog.record(report);
  } catch (error) {
    observers.logger.warn(
      { err: error, eventId: report.eventId, deliveryId: report.deliveryId },
      "delivery log unavailable; this delivery is not in it",
    );
  }

  observers.changes.publish();
}
