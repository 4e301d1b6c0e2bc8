import { sendDelivery, type Answer } from "@/lib/client/send-delivery";
import { redeliver, type SignedDelivery } from "@/lib/client/sign-delivery";

/** Runs `jobs` with at most `concurrency` of them in flight. */
export async function runPool(
  jobs: (() => Promise<void>)[],
  concurrency: number,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (job) await job();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export interface RetryPolicy {
  /** Attempts after the first; E2B makes three. */
  retries: number;
  /** Pause between attempts; E2B waits 10 s, tests shorten it. */
  intervalMs: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends a delivery the way E2B does: any answer but 2xx, or no answer at
 * all, fails the attempt, and it is retried (a new delivery id, the same
 * bytes) until the retries run out. Resolves to every attempt's answer.
 */
export async function sendLikeE2b(
  url: () => string,
  delivery: SignedDelivery,
  policy: RetryPolicy,
): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    if (attempt > 0) await pause(policy.intervalMs);
    const copy = attempt === 0 ? delivery : redeliver(delivery);
    const answer = await sendDelivery(url(), copy);
    answers.push(answer);
    if (isSuccess(answer)) break;
  }
  return answers;
}

export function isSuccess(answer: Answer): boolean {
  return answer.reachable && answer.status >= 200 && answer.status < 300;
}

/** `200 applied`, `503 unavailable`, `network: ...`: for counting. */
export function describeAnswer(answer: Answer): string {
  return answer.reachable
    ? `${answer.status} ${answer.outcome}`
    : `network: ${answer.error.replace(/:\d+/g, "")}`;
}

/** How many answers of each kind. */
export function tally(answers: Iterable<Answer>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const key = describeAnswer(answer);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
