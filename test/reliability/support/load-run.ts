import { sendDelivery } from "@/lib/client/send-delivery";
import type { RunningServer } from "../../support/server-process";
import { AnswerBook } from "./delivery-checks";
import type { Attempt } from "./load-stream";
import { webhookUrl } from "./receiver";
import { rssMiB } from "./rss";
import { runPool } from "./senders";

export interface LoadRun {
  book: AnswerBook;
  seconds: number;
  /** Each server's resident size (MiB): before, then after each tenth. */
  rss: (number | null)[][];
}

/**
 * Sends every attempt once, `concurrency` at a time, each to the server
 * `pick` chooses (or to every server it names at the same instant), and
 * samples the servers' resident size as the stream goes.
 */
export async function runLoad(
  attempts: Attempt[],
  servers: RunningServer[],
  options: {
    concurrency: number;
    pick?: (attempt: Attempt) => RunningServer[];
  },
): Promise<LoadRun> {
  const book = new AnswerBook();
  const pick = options.pick ?? (() => servers.slice(0, 1));
  const sample = () => servers.map((s) => rssMiB(s.process.pid));
  const rss = [sample()];
  const tenth = Math.ceil(attempts.length / 10);
  let done = 0;

  const started = performance.now();
  await runPool(
    attempts.map((attempt) => async () => {
      const answers = await Promise.all(
        pick(attempt).map((s) => sendDelivery(webhookUrl(s), attempt.delivery)),
      );
      book.add(attempt.event, ...answers);
      if (++done % tenth === 0 || done === attempts.length) rss.push(sample());
    }),
    options.concurrency,
  );
  const seconds = (performance.now() - started) / 1000;

  const byServer = servers.map((_, i) => rss.map((row) => row[i] ?? null));
  return { book, seconds, rss: byServer };
}

/** Growth from the first fifth of the stream (warm) to its end, in MiB. */
export function rssGrowthAfterWarmUp(
  samples: (number | null)[],
): number | null {
  const warm = samples[2];
  const end = samples.at(-1);
  return warm == null || end == null
    ? null
    : Math.round((end - warm) * 10) / 10;
}
