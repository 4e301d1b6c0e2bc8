import { LRUCache } from "lru-cache";

// Team, template and build ids recur across many sandboxes, yet JSON.parse
// makes a new copy of each for every event. Keeping one copy of each value
// spares about 100 bytes per tracked sandbox (BENCHMARKS.md). Bounded, so
// ids that stop recurring drop out.
const pool = new LRUCache<string, string>({ max: 10_000 });

/** The one kept copy of a recurring identifier; `null` stays `null`. */
export function sharedId(value: string | null): string | null {
  if (value === null) return null;

  const known = pool.get(value);
  if (known !== undefined) return known;

  pool.set(value, value);
  return value;
}
