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

// Compare and set in one step, so two replicas cannot interleave a read and
// a write. Time keys are fixed-width UTC strings, so comparing them as
// strings orders them in time. A value that does not decode is replaced,
// as `read()` treats it as absent.
const ADVANCE = `local raw = redis.call("get", KEYS[1])
if raw then
  local ok, current = pcall(cjson.decode, raw)
  if ok and type(current) == "table" and type(current.timeKey) == "string"
    and current.timeKey >= ARGV[2] then
    return 0
  end
end
redis.call("set", KEYS[1], ARGV[1], "PX", ARGV[3])
return 1`;

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

  async advance(checkpoint: Checkpoint): Promise<boolean> {
    const moved = await this.#redis.eval(
      ADVANCE,
      1,
      this.#key,
      JSON.stringify(checkpoint),
      checkpoint.timeKey,
      String(CHECKPOINT_TTL_MS),
    );
    return moved === 1;
  }
}
