import type { ReactNode } from "react";

/** The value, or a muted dash that reads the same in any font. */
export function orMissing(value: string | null): ReactNode {
  return value === null ? <span className="missing">—</span> : value;
}
