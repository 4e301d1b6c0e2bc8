import { loadavg } from "node:os";
import type { BenchContext } from "../context";
import { format } from "../report/format";
import type { Section } from "../report/section";
import { coldStart, type ColdStart } from "./cold-start";

/** Section 5: from process start to the first 200 on a delivery. */
export async function coldStartSection(
  context: BenchContext,
): Promise<Section> {
  const loadAverage = loadavg();
  const runs: ColdStart[] = [];
  for (let i = 0; i < context.profile.coldStarts; i++) {
    context.log(`cold start ${i + 1} of ${context.profile.coldStarts}`);
    runs.push(await coldStart(context.standaloneDir, context.cores.server));
  }
  const stat = (pick: (r: ColdStart) => number) => {
    const values = runs.map(pick).sort((a, b) => a - b);
    return [
      values[Math.floor((values.length - 1) / 2)] ?? 0,
      values[0] ?? 0,
      values.at(-1) ?? 0,
    ];
  };
  const answer = stat((r) => r.firstAnswerMs);
  const ready = stat((r) => r.first200Ms);

  return {
    title: "5. Cold start",
    method: `\`node server.js\` spawned on the server core with only the webhook secret set (memory registry); a loop on the other core posts one signed delivery every 2 ms until it gets a 200. Times run from just before the spawn. ${runs.length} starts; the median, fastest and slowest are shown.`,
    loadAverage,
    table: [
      ["milestone", "median", "fastest", "slowest"],
      ["first answer (port open)", ...answer.map(format.ms)],
      ["first 200 on a delivery", ...ready.map(format.ms)],
    ],
    notes: [],
    budgets: [],
    figures: { runs },
  };
}
