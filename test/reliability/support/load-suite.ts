import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../support/server-process";
import { isServerError } from "./delivery-checks";
import { recordFigure } from "./figures";
import { runLoad, rssGrowthAfterWarmUp, type LoadRun } from "./load-run";
import { loadStream, type Attempt } from "./load-stream";
import { comparable, inOrderRegistry, type Registry } from "./oracle";
import { PROFILE, limitMs, sizes } from "./profile";
import { listedBy, sandboxOf, SECRET } from "./receiver";
import { tally } from "./senders";

export interface LoadSuite {
  /** What runs the servers, for the title: "one server", "two replicas". */
  setting: string;
  figure: string;
  start(): Promise<RunningServer[]>;
  stop(): Promise<void>;
  /** Which servers get an attempt; the first one by default. */
  pick?: (attempt: Attempt, servers: RunningServer[]) => RunningServer[];
}

/**
 * The load test with an oracle: the stream is sent shuffled, then a second
 * time, and the servers' answers, registry and memory are checked against
 * in-order delivery computed in this process.
 */
export function loadSuite(suite: LoadSuite): void {
  const { deliveries, sandboxes, concurrency } = sizes.load;
  const nowMs = Date.now();
  const stream = loadStream({
    sandboxes,
    deliveries,
    duplicateShare: 0.3,
    secret: SECRET,
    nowMs,
  });
  const title = `load on ${suite.setting}: ${deliveries} deliveries over ${sandboxes} sandboxes, shuffled, 30% duplicated, ${concurrency} at a time (${PROFILE} profile)`;

  describe(title, () => {
    let servers: RunningServer[] = [];
    let expected: Registry;
    let run: LoadRun;
    let replay: LoadRun;

    beforeAll(
      async () => {
        expected = await inOrderRegistry(stream.inOrder, nowMs);
        servers = await suite.start();
        const options = {
          concurrency,
          pick: suite.pick && ((a: Attempt) => suite.pick?.(a, servers) ?? []),
        };
        run = await runLoad(stream.attempts, servers, options);
        // The same stream again: every attempt is now a copy of a taken event.
        replay = await runLoad(stream.attempts, servers, options);
      },
      limitMs(150_000, 900_000),
    );
    afterAll(async () => {
      if (replay) recordFigure(suite.figure, figures(run, replay));
      await suite.stop();
    });

    it("answers every delivery, and never with a 5xx", () => {
      const answers = run.book.all();

      expect(answers.length).toBeGreaterThanOrEqual(stream.attempts.length);
      expect(answers.filter(isServerError)).toEqual([]);
      expect(answers.filter((a) => !a.reachable)).toEqual([]);
    });

    it("takes every event exactly once: one answer per id is not a duplicate, at most one is applied", () => {
      expect(run.book.notTakenOnce(stream.inOrder)).toEqual([]);
    });

    it("ends in the registry that in-order delivery gives, read through each server's GET /api/sandboxes", async () => {
      for (const server of servers) {
        const listed = await listedBy(server);
        expect(listed.length).toBe(expected.sandboxes.length);
        expect(comparable(listed)).toEqual(comparable(expected.sandboxes));
      }
    });

    it("keeps the tombstone in-order delivery leaves for every killed sandbox", async () => {
      const server = servers.at(-1) as RunningServer;
      for (const [sandboxId, tombstone] of expected.tombstones) {
        const { killedAt, killReason, state } = tombstone;
        expect(await sandboxOf(server, sandboxId)).toEqual({
          status: 410,
          sandbox: { sandboxId, state, killedAt, killReason },
        });
      }
      expect(expected.tombstones.size).toBeGreaterThan(0);
    });

    it("answers a second pass of the whole stream with 200 duplicate only", () => {
      const answers = replay.book.all();
      expect(tally(answers)).toEqual({ "200 duplicate": answers.length });
    });

    it("keeps its memory stable: resident size grows less than 64 MiB over the second pass", () => {
      servers.forEach((_, i) => {
        const end = run.rss[i]?.at(-1);
        const again = replay.rss[i]?.at(-1);
        if (end == null || again == null) {
          console.warn("[rss check skipped] /proc/<pid>/status is unreadable");
          return;
        }
        expect(again - end).toBeLessThan(64);
      });
    });
  });

  function figures(run: LoadRun, replay: LoadRun) {
    return {
      attempts: stream.attempts.length,
      deliveries: run.book.all().length,
      events: stream.inOrder.length,
      sandboxes,
      concurrency,
      seconds: Math.round(run.seconds * 10) / 10,
      answers: tally(run.book.all()),
      rssMiB: run.rss,
      rssGrowthAfterWarmUpMiB: run.rss.map(rssGrowthAfterWarmUp),
      replay: {
        seconds: Math.round(replay.seconds * 10) / 10,
        answers: tally(replay.book.all()),
        rssMiB: replay.rss,
      },
    };
  }
}
