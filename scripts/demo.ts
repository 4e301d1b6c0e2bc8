/**
 * `pnpm demo [--keep] [--port N]`: builds the production server if needed,
 * starts it with a generated secret and admin token, replays a day of E2B
 * deliveries, prints each answer and the final registry, then stops (or,
 * with --keep, stays up for the dashboard until Ctrl+C).
 */
import { parseArgs } from "node:util";
import { sendDelivery } from "../lib/client/send-delivery";
import { colourEnabled, paint } from "../lib/client/terminal";
import { planDay } from "./demo/day";
import { formatDashboard } from "./demo/dashboard";
import { deliveryHeader, formatDelivery, formatRegistry } from "./demo/print";
import { readRegistry } from "./demo/registry";
import { startDemoServer, type DemoServer } from "./demo/server";
import { supervise } from "./demo/supervise";

const colour = colourEnabled();
const heading = (text: string) => paint(`\n${text}`, "bold", colour);

async function main(): Promise<number> {
  const { keep, port } = readArgs();
  console.log(
    "Preparing the production build (rebuilt only when sources changed; the first build takes a minute or two)…",
  );
  const demo = await startDemoServer(port);
  const supervisor = supervise(demo);
  console.log(`Receiver running at ${demo.webhookUrl}`);

  try {
    const failures = await replayDay(demo);
    if (keep) supervisor.keep();
    else await supervisor.stop();

    console.log(heading("Dashboard"));
    for (const line of formatDashboard(demo, keep)) console.log(line);
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

function readArgs(): { keep: boolean; port?: number } {
  const { values } = parseArgs({
    options: { keep: { type: "boolean" }, port: { type: "string" } },
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (
    port !== undefined &&
    !(Number.isInteger(port) && port > 0 && port < 65_536)
  ) {
    throw new Error(`--port must be a port number, got "${values.port}"`);
  }

  return { keep: values.keep ?? false, port };
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
