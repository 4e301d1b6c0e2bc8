import type { Redis } from "ioredis";
import { z } from "zod";
import type { Checkpoint, CheckpointStore } from "./checkpoint";

const checkpointSchema = z.object({
  eventId: z.string(),
  timeKey: z.string(),
  epochMs: z.number(),
});

// Longer than E2B's 7-day retention; a lost checkpoint only means the next
// run looks back the full lookback again.
const CHECKPOINT_TTL_MS = 30 * 86_400_000;

/** The checkpoint shared by replicas, as one JSON value in Redis. */
export class RedisCheckpointStore implements CheckpointStore {
  readonly #redis: Redis;
  readonly #key: string;

  constructor(redis: Redis, key: string) {
    this.#redis = redis;
    this.#key = key;
  }

  async read(): Promise<Checkpoint | null> {
    const raw = await this.#redis.get(this.#key);
    if (raw === null) return null;

    try {
      const parsed = checkpointSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async write(checkpoint: Checkpoint): Promise<void> {
    await this.#redis.set(
      this.#key,
      JSON.stringify(checkpoint),
      "PX",
      CHECKPOINT_TTL_MS,
    );
  }
}
