import type { SandboxState } from "../registry/sandbox";

export type QueryResult<T> = { ok: true; value: T } | { ok: false };

const STATES: readonly SandboxState[] = ["running", "paused"];

/** `?state=running|paused`; absent or empty means every state. */
export function parseStateFilter(
  params: URLSearchParams,
): QueryResult<SandboxState | undefined> {
  const state = params.get("state");
  if (state === null || state === "") return { ok: true, value: undefined };

  const known = STATES.find((s) => s === state);
  return known ? { ok: true, value: known } : { ok: false };
}

/** `?limit=N` with 1 <= N <= max; absent means `max`. */
export function parseLimit(
  params: URLSearchParams,
  max: number,
): QueryResult<number> {
  const limit = params.get("limit");
  if (limit === null || limit === "") return { ok: true, value: max };
  if (!/^\d{1,9}$/.test(limit)) return { ok: false };

  const value = Number(limit);
  return value >= 1 && value <= max ? { ok: true, value } : { ok: false };
}
