import type { ApiError } from "../e2b-api/api-result";

/** What one run did. `fetched` = applied + duplicate + stale + ignored. */
export interface ReconcileCounts {
  fetched: number;
  applied: number;
  duplicate: number;
  stale: number;
  ignored: number;
  /** Records the normaliser refused; logged, never applied. */
  invalid: number;
  pages: number;
}

export type ReconcileResult =
  | { ok: true; counts: ReconcileCounts; truncated: boolean }
  | { ok: false; reason: "locked"; message: string }
  | { ok: false; reason: "e2b_unavailable"; message: string; error: ApiError }
  | { ok: false; reason: "e2b_unauthorized"; message: string; error: ApiError }
  | { ok: false; reason: "store_unavailable"; message: string }
  | { ok: false; reason: "internal_error"; message: string };

/** A failure of a part this process does not control. */
export function storeUnavailable(
  what: string,
  error: unknown,
): ReconcileResult {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    reason: "store_unavailable",
    message: `Could not reach ${what}: ${detail}`,
  };
}
