/**
 * The reliability suite runs in two sizes. The short profile is part of
 * `pnpm test` (a minute or two on two cores); `pnpm test:reliability` sets
 * RELIABILITY_PROFILE=full for the figures in RELIABILITY.md.
 */
export type ProfileName = "short" | "full";

export const PROFILE: ProfileName =
  process.env.RELIABILITY_PROFILE === "full" ? "full" : "short";

export const isFull = PROFILE === "full";

interface Sizes {
  /** Fuzz cases per property (arbitrary bytes, forged, signed, Redis). */
  fuzz: { bytes: number; forged: number; signed: number; redis: number };
  /** The load stream: deliveries in all, over this many sandboxes. */
  load: { deliveries: number; sandboxes: number; concurrency: number };
  /** The stream behind each fault test. */
  faults: { sandboxes: number; concurrency: number };
  /** Slow clients held open at once. */
  slowClients: number;
}

const SIZES: Record<ProfileName, Sizes> = {
  short: {
    fuzz: { bytes: 1_000, forged: 1_500, signed: 1_500, redis: 500 },
    load: { deliveries: 1_300, sandboxes: 100, concurrency: 50 },
    faults: { sandboxes: 60, concurrency: 20 },
    slowClients: 4,
  },
  full: {
    fuzz: { bytes: 30_000, forged: 40_000, signed: 40_000, redis: 20_000 },
    load: { deliveries: 10_000, sandboxes: 500, concurrency: 50 },
    faults: { sandboxes: 300, concurrency: 50 },
    slowClients: 20,
  },
};

export const sizes: Sizes = SIZES[PROFILE];

/** A test's time limit, longer in the full profile. */
export function limitMs(shortMs: number, fullMs: number): number {
  return isFull ? fullMs : shortMs;
}
