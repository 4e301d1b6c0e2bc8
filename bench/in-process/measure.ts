/** How fast one step ran, over a number of items. */
export interface Rate {
  count: number;
  ms: number;
  perSecond: number;
  microsEach: number;
}

export interface BatchedRun<T> {
  total: number;
  /** Items made at a time, outside the clock, so the heap stays small. */
  batch?: number;
  /** Items measured first and not counted, for the JIT. */
  warmup?: number;
  prepare(from: number, to: number): T[];
  run(item: T): unknown;
}

/**
 * Times `run` over `total` items made batch by batch. Only `run` is on the
 * clock; `prepare` (making and signing bodies) is not. Results that are
 * promises are awaited, one at a time, as a request handler would.
 */
export async function measureBatched<T>(options: BatchedRun<T>): Promise<Rate> {
  const batch = options.batch ?? 1_000;
  const warmup = options.warmup ?? 0;
  if (warmup % batch !== 0) {
    throw new Error(
      `warmup (${warmup}) must be a multiple of batch (${batch})`,
    );
  }
  let ms = 0;

  for (let from = 0; from < warmup + options.total; from += batch) {
    const to = Math.min(from + batch, warmup + options.total);
    const items = options.prepare(from, to);
    const started = performance.now();
    for (const item of items) {
      const result = options.run(item);
      if (result instanceof Promise) await result;
    }
    if (from >= warmup) ms += performance.now() - started;
  }

  return rate(options.total, ms);
}

export function rate(count: number, ms: number): Rate {
  return {
    count,
    ms,
    perSecond: (count / ms) * 1000,
    microsEach: (ms * 1000) / count,
  };
}
