import type { DeliveryReport } from "../pipeline/report-delivery";

/**
 * The recent deliveries, as the receiver answered them. Reports carry no
 * bodies, signatures or secrets (see `DeliveryReport`). Async so that a
 * shared store (Redis) can implement it.
 */
export interface DeliveryLog {
  readonly kind: "memory" | "redis";
  /** How many reports the log keeps at most. */
  readonly capacity: number;
  record(report: DeliveryReport): Promise<void>;
  /** Up to `limit` reports (default: all kept), newest first. */
  recent(limit?: number): Promise<DeliveryReport[]>;
}
