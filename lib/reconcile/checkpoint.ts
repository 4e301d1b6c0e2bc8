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
  write(checkpoint: Checkpoint): Promise<void>;
}

export class MemoryCheckpointStore implements CheckpointStore {
  #checkpoint: Checkpoint | null = null;

  async read(): Promise<Checkpoint | null> {
    return this.#checkpoint;
  }

  async write(checkpoint: Checkpoint): Promise<void> {
    this.#checkpoint = checkpoint;
  }
}
