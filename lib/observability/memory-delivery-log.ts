import type { DeliveryReport } from "../pipeline/report-delivery";
import type { DeliveryLog } from "./delivery-log";

/**
 * The delivery log in process memory: a ring buffer that overwrites its
 * oldest report once full, so it never grows past `capacity`.
 */
export class MemoryDeliveryLog implements DeliveryLog {
  readonly kind = "memory";
  readonly capacity: number;
  readonly #slots: (DeliveryReport | undefined)[];
  #next = 0;
  #size = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(
        `delivery log capacity must be a whole number >= 1, got ${capacity}`,
      );
    }
    this.capacity = capacity;
    this.#slots = new Array<DeliveryReport | undefined>(capacity);
  }

  async record(report: DeliveryReport): Promise<void> {
    this.#slots[this.#next] = report;
    this.#next = (this.#next + 1) % this.capacity;
    this.#size = Math.min(this.#size + 1, this.capacity);
  }

  async recent(limit: number = this.capacity): Promise<DeliveryReport[]> {
    const count = Math.max(0, Math.min(limit, this.#size));
    const reports: DeliveryReport[] = [];
    for (let i = 1; i <= count; i++) {
      const slot = (this.#next - i + this.capacity) % this.capacity;
      const report = this.#slots[slot];
      if (report) reports.push(report);
    }
    return reports;
  }
}
