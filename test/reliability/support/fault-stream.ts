import type { Answer } from "@/lib/client/send-delivery";
import { AnswerBook } from "./delivery-checks";
import { loadStream, type LoadStream } from "./load-stream";
import { SECRET } from "./receiver";
import { isSuccess, runPool, sendLikeE2b, type RetryPolicy } from "./senders";

export interface FaultRun {
  book: AnswerBook;
  /** Events whose every attempt failed: E2B would have dropped them. */
  dropped: string[];
  /** The most attempts any one delivery needed. */
  maxAttempts: number;
}

/** A shuffled stream with 30% duplicates, for the fault tests. */
export function faultStream(sandboxes: number): LoadStream {
  return loadStream({
    sandboxes,
    deliveries: sandboxes * 15,
    duplicateShare: 0.3,
    secret: SECRET,
    nowMs: Date.now(),
  });
}

/**
 * Sends the stream's attempts with E2B's retries, `concurrency` at a time,
 * and calls `fault` (without waiting for it) once `faultAfter` of them are
 * done, so the fault strikes mid-stream.
 */
export async function sendThroughFault(
  stream: LoadStream,
  options: {
    url: () => string;
    policy: RetryPolicy;
    concurrency: number;
    faultAfter: number;
    /** Given the answers so far: attempts still in flight are not in it. */
    fault: (book: AnswerBook) => Promise<void>;
  },
): Promise<FaultRun> {
  const book = new AnswerBook();
  const dropped: string[] = [];
  let maxAttempts = 0;
  let done = 0;
  let faulted: Promise<void> | undefined;

  await runPool(
    stream.attempts.map(({ event, delivery }) => async () => {
      const answers: Answer[] = await sendLikeE2b(
        options.url,
        delivery,
        options.policy,
      );
      book.add(event, ...answers);
      maxAttempts = Math.max(maxAttempts, answers.length);
      if (!answers.some(isSuccess)) dropped.push(event.eventId);
      if (++done === options.faultAfter) faulted = options.fault(book);
    }),
    options.concurrency,
  );
  await faulted;
  return { book, dropped, maxAttempts };
}
