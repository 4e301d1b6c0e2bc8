import { parseArgs } from "node:util";

export const USAGE = `Usage: pnpm demo [--keep] [--port N]

Builds the production server if needed, starts it with a generated webhook
secret, replays a day of E2B deliveries (both signing schemes, retries,
arrivals out of order, a forged request), prints the receiver's answer to
each and the final registry, then stops the server.

  --keep      keep the server up afterwards for the dashboard and more
              deliveries; Ctrl+C stops it
  --port N    listen on port N (default: a free port); the demo refuses
              to start if another program uses it
  -h, --help  show this help`;

export type DemoArgs =
  | { kind: "run"; keep: boolean; port?: number }
  | { kind: "help" }
  | { kind: "invalid"; message: string };

/** Reads the demo's command line; a mistake is a result, never a throw. */
export function readDemoArgs(args: readonly string[]): DemoArgs {
  let values: { keep?: boolean; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        keep: { type: "boolean" },
        port: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: "invalid", message };
  }

  if (values.help) return { kind: "help" };
  if (values.port === undefined) return { kind: "run", keep: !!values.keep };

  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port < 1 || port > 65_535) {
    const message = `--port must be a port number from 1 to 65535, got "${values.port}"`;
    return { kind: "invalid", message };
  }

  return { kind: "run", keep: !!values.keep, port };
}
