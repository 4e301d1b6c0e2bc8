/**
 * `pnpm demo [--keep] [--port N]`: builds the production server if needed,
 * starts it with a generated secret and admin token, replays a day of E2B
 * deliveries, prints each answer and the final registry, then stops (or,
 * with --keep, stays up for the dashboard until Ctrl+C).
 */
import { sendDelivery } from "../lib/client/send-delivery";
import { colourEnabled, paint } from "../lib/client/terminal";
import { readDemoArgs, USAGE } from "./demo/args";
import { formatDashboard, STOPPED_LINE } from "./demo/dashboard";
import { planDay } from "./demo/day";
import { deliveryHeader, formatDelivery, formatRegistry } from "./demo/print";
import { readRegistry } from "./demo/registry";
import { startDemoServer, type DemoServer } from "./demo/server";
import { supervise } from "./demo/supervise";

const colour = colourEnabled();
const heading = (text: string) => paint(`\n${text}`, "bold", colour);

async function main(): Promise<number> {
  const args = readDemoArgs(process.argv.slice(2));
  if (args.kind === "help") {
    console.log(USAGE);
    return 0;
  }
  if (args.kind === "invalid") {
    console.error(`${args.message}\nRun \`pnpm demo --help\` for the options.`);
    return 2;
  }

  const started = await startDemoServer(args.port, () =>
    console.log(
      "Preparing the production build (rebuilt only when sources changed; the first build takes a minute or two)…",
    ),
  );
  if (!started.ok) {
    console.error(started.message);
    return 1;
  }

  return run(started.demo, args.keep);
}

/** Replays the day, then stops the server or keeps it up for the dashboard. */
async function run(demo: DemoServer, keep: boolean): Promise<number> {
  const supervisor = supervise(demo);
  console.log(`Receiver running at ${demo.webhookUrl}`);
  try {
    const failures = await replayDay(demo);
    if (keep) {
      supervisor.keep();
      console.log(heading("Dashboard"));
      for (const line of formatDashboard(demo)) console.log(line);
    } else {
      await supervisor.stop();
      console.log(`\n${STOPPED_LINE}`);
    }
    return failures === 0 ? 0 : 1;
  } catch (error) {
    await supervisor.stop();
    throw error;
  }
}

/** Sends the day's deliveries and prints the registry; counts failures. */
async function replayDay(demo: DemoServer): Promise<number> {
  const plan = planDay(demo.secret, Date.now());
  console.log(heading("A day of deliveries (times are event times)"));
  console.log(deliveryHeader(colour));
  let unreachable = 0;
  for (const planned of plan.deliveries) {
    const answer = await sendDelivery(demo.webhookUrl, planned.delivery);
    if (!answer.reachable) unreachable += 1;
    console.log(formatDelivery(planned, answer, colour));
  }

  console.log(heading("The registry at the end of the day"));
  const names = new Map(plan.sandboxes.map((s) => [s.sandboxId, s.name]));
  const view = await readRegistry(
    demo.server.url,
    demo.adminToken,
    plan.sandboxes,
  );
  for (const line of formatRegistry(view, names, colour)) console.log(line);

  return unreachable;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
