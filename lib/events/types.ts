/**
 * The lifecycle event types this receiver acts on (PROTOCOL.md section 3),
 * with the short label the legacy body shape uses for each. Every other type
 * is acknowledged and ignored: E2B adds new ones over time.
 */
export const LIFECYCLE_EVENTS = {
  "sandbox.lifecycle.created": "create",
  "sandbox.lifecycle.updated": "update",
  "sandbox.lifecycle.paused": "pause",
  "sandbox.lifecycle.resumed": "resume",
  "sandbox.lifecycle.checkpointed": null,
  "sandbox.lifecycle.killed": "kill",
} as const satisfies Record<string, string | null>;

export type LifecycleEventType = keyof typeof LIFECYCLE_EVENTS;

export const LIFECYCLE_EVENT_TYPES = Object.keys(
  LIFECYCLE_EVENTS,
) as LifecycleEventType[];

const TYPE_BY_LABEL = new Map<string, LifecycleEventType>(
  LIFECYCLE_EVENT_TYPES.flatMap((type) => {
    const label = LIFECYCLE_EVENTS[type];
    return label === null ? [] : [[label, type] as const];
  }),
);

const CANONICAL_TYPES = new Map<string, LifecycleEventType>(
  LIFECYCLE_EVENT_TYPES.map((type) => [type, type]),
);

/**
 * A lifecycle type as this module's own string, so that registry entries
 * share one copy of it instead of each keeping the one JSON.parse made.
 * Other types come back as they are.
 */
export function canonicalType(type: string): string {
  return CANONICAL_TYPES.get(type) ?? type;
}

export function isLifecycleEventType(type: string): type is LifecycleEventType {
  return Object.hasOwn(LIFECYCLE_EVENTS, type);
}

/**
 * Maps a legacy `eventLabel` such as `kill` to its full type name. Labels of
 * another category (`billing`) become types of that category, which the
 * registry acknowledges and ignores.
 */
export function typeFromLabel(category: string, label: string): string {
  const lifecycle = category === "" || category === "lifecycle";
  const known = lifecycle ? TYPE_BY_LABEL.get(label) : undefined;
  return known ?? `sandbox.${category || "lifecycle"}.${label}`;
}

/** The legacy label of a type (`kill`), or the type itself when it has none. */
export function labelOf(type: string): string {
  return isLifecycleEventType(type) ? (LIFECYCLE_EVENTS[type] ?? type) : type;
}
