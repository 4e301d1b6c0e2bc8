import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

/** How long and how large each measurement is in one mode. */
export interface Profile {
  mode: "full" | "quick";
  http: { connections: number; warmupSeconds: number; durationSeconds: number };
  pipeline: { total: number; warmup: number };
  sandboxes: number;
  deliveries: { total: number; samples: number; cap: number | null };
  /** Fill a production server with `sandboxes` over HTTP (slow). */
  serverFill: boolean;
  /** Profile the route under load and split its CPU time. */
  profileRoute: boolean;
  coldStarts: number;
}

const FULL: Profile = {
  mode: "full",
  http: { connections: 10, warmupSeconds: 3, durationSeconds: 10 },
  pipeline: { total: 300_000, warmup: 20_000 },
  sandboxes: 100_000,
  deliveries: { total: 1_000_000, samples: 10, cap: null },
  serverFill: true,
  profileRoute: true,
  coldStarts: 5,
};

// About a minute once the production build exists. The idempotency and
// tombstone caps are lowered so that 150k deliveries still reach them.
const QUICK: Profile = {
  mode: "quick",
  http: { connections: 10, warmupSeconds: 1, durationSeconds: 2 },
  pipeline: { total: 50_000, warmup: 10_000 },
  sandboxes: 100_000,
  deliveries: { total: 150_000, samples: 6, cap: 10_000 },
  serverFill: false,
  profileRoute: false,
  coldStarts: 2,
};

export interface BenchOptions {
  profile: Profile;
  /** Where BENCHMARKS.md goes. */
  out: string;
  /** Where the figures go as JSON, if anywhere. */
  json: string | null;
  /** Wait this long for a quiet machine (1-minute load under 1.0). */
  maxWaitSeconds: number;
  only: string[] | null;
}

/** Reads `pnpm bench` flags; a quick run writes to a temporary file. */
export function readOptions(argv: string[], root: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      out: { type: "string" },
      json: { type: "string" },
      "max-wait": { type: "string" },
      only: { type: "string" },
    },
  });
  const profile = values.quick ? QUICK : FULL;

  return {
    profile,
    out:
      values.out ??
      (values.quick
        ? join(tmpdir(), "BENCHMARKS.quick.md")
        : join(root, "BENCHMARKS.md")),
    json: values.json ?? null,
    maxWaitSeconds: Number(values["max-wait"] ?? (values.quick ? 0 : 900)),
    only: values.only?.split(",") ?? null,
  };
}
