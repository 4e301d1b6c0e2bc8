/** The newest event a reconciliation has applied. */
export interface Checkpoint {
  eventId: string;
  /** The event's time key (`EventTime.key`), capped at the time of the run. */
  timeKey: string;
  epochMs: number;
}

/**
 * Where the last reconciled event is kept between runs: in memory for one
 * process, in Redis when replicas share the registry.
 */
export interface CheckpointStore {
  read(): Promise<Checkpoint | null>;
  /**
   * Stores `checkpoint` only if its `timeKey` is newer than the stored one,
   * so a slower run finishing late can never move it backwards. Resolves
   * to whether it moved.
   */
  advance(checkpoint: Checkpoint): Promise<boolean>;
}

export class MemoryCheckpointStore implements CheckpointStore {
  #checkpoint: Checkpoint | null = null;

  async read(): Promise<Checkpoint | null> {
    return this.#checkpoint;
  }

  async advance(checkpoint: Checkpoint): Promise<boolean> {
    const current = this.#checkpoint;
    if (current && checkpoint.timeKey <= current.timeKey) return false;

    this.#checkpoint = checkpoint;
    return true;
  }
}
