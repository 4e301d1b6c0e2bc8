import type { Logger } from "pino";
import { delayAfter } from "./backoff";
import { logRun } from "./log-run";
import type { ReconcileResult } from "./reconcile-result";

export interface SchedulerOptions {
  /** One reconciliation; should resolve to a result rather than reject. */
  run: () => Promise<ReconcileResult>;
  /** Between successful runs; 0 runs only on demand. */
  intervalMs: number;
  logger: Logger;
  firstRetryMs?: number;
}

/** What the scheduler last did, for the admin API. */
export interface SchedulerStatus {
  running: boolean;
  lastRunAt: string | null;
  lastResult: ReconcileResult | null;
  consecutiveFailures: number;
  nextRunAt: string | null;
}

/**
 * Runs reconciliation at start-up and then on an interval, in the
 * background: a run never delays a webhook delivery. A failed run is logged
 * and retried with exponential backoff, except a refused API key, retried
 * at the interval. `runNow` joins the schedule, so two runs never overlap
 * in one process.
 */
export class ReconcileScheduler {
  readonly #options: SchedulerOptions;
  #timer: NodeJS.Timeout | null = null;
  #started = false;
  #current: Promise<ReconcileResult> | null = null;
  #queued: Promise<ReconcileResult> | null = null;
  #failures = 0;
  #lastRunAt: number | null = null;
  #lastResult: ReconcileResult | null = null;
  #nextRunAt: number | null = null;

  constructor(options: SchedulerOptions) {
    this.#options = options;
  }

  /** Starts the schedule with a run right away; calling it again is a no-op. */
  start(): void {
    if (this.#started || this.#options.intervalMs <= 0) return;

    this.#started = true;
    this.#schedule(0);
  }

  /** Stops the schedule and waits for a run in progress to end. */
  async stop(): Promise<void> {
    this.#started = false;
    this.#clearTimer();
    await Promise.allSettled([this.#current, this.#queued]);
  }

  /**
   * Runs now, or right after the run in progress; concurrent callers share
   * that one queued run.
   */
  runNow(): Promise<ReconcileResult> {
    if (this.#queued) return this.#queued;
    if (!this.#current) return this.#execute();

    this.#queued = this.#current.then(() => {
      this.#queued = null;
      return this.#execute();
    });
    return this.#queued;
  }

  status(): SchedulerStatus {
    const iso = (ms: number | null) =>
      ms === null ? null : new Date(ms).toISOString();
    return {
      running: this.#current !== null,
      lastRunAt: iso(this.#lastRunAt),
      lastResult: this.#lastResult,
      consecutiveFailures: this.#failures,
      nextRunAt: iso(this.#nextRunAt),
    };
  }

  #execute(): Promise<ReconcileResult> {
    this.#clearTimer();
    const started = Date.now();
    const current = this.#runSafely().then((result) => {
      this.#finish(result, started);
      return result;
    });
    this.#current = current;
    return current;
  }

  async #runSafely(): Promise<ReconcileResult> {
    try {
      return await this.#options.run();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, reason: "internal_error", message };
    }
  }

  #finish(result: ReconcileResult, started: number): void {
    const previous = this.#lastResult;
    this.#current = null;
    this.#lastRunAt = started;
    this.#lastResult = result;
    const failed = !result.ok && result.reason !== "locked";
    this.#failures = failed ? this.#failures + 1 : 0;

    const delayMs = delayAfter(
      result,
      this.#failures,
      this.#options.intervalMs,
      this.#options.firstRetryMs,
    );
    logRun(this.#options.logger, result, {
      durationMs: Date.now() - started,
      nextInMs: delayMs,
      previous,
    });
    if (this.#started && !this.#queued) this.#schedule(delayMs);
  }

  #schedule(delayMs: number): void {
    this.#clearTimer();
    this.#nextRunAt = Date.now() + delayMs;
    // unref: a pending run must never keep a stopping process alive.
    this.#timer = setTimeout(() => void this.#execute(), delayMs).unref();
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#nextRunAt = null;
  }
}
