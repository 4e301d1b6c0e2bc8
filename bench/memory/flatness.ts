import { format } from "../report/format";
import type { MemoryUsage } from "./usage";

export interface DeliverySeries {
  series: (MemoryUsage & { deliveries: number })[];
  outcomes: Record<string, number>;
  live: number;
  idempotencyCap: number;
  tombstoneCap: number;
}

/**
 * Whether memory stopped growing: from the point 70% into the run (past the
 * caps: the idempotency cap after as many deliveries, the tombstone cap
 * after six times as many) to the end, RSS may grow by 10% and the heap
 * after GC by 5% at most.
 */
export function flatness({ series }: DeliverySeries) {
  const last = series.at(-1);
  const total = last?.deliveries ?? 0;
  const from = series.find((p) => p.deliveries >= total * 0.7) ?? last;
  if (!last || !from) throw new Error("no memory samples");

  const rss = last.rss / from.rss - 1;
  const heap = last.heapUsed / from.heapUsed - 1;
  const percent = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;
  return {
    met: rss <= 0.1 && heap <= 0.05,
    rssGrowth: percent(rss),
    heapGrowth: percent(heap),
    detail: `From ${format.count(from.deliveries)} to ${format.count(total)} deliveries RSS changed ${percent(rss)} and heap ${percent(heap)}.`,
  };
}
