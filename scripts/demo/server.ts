import { ensureProductionBuild } from "../support/production-build";
import { startServer, type RunningServer } from "../support/server-process";
import { confirmReceiver, type Confirmation } from "./confirm-receiver";
import { newCredentials, type Credentials } from "./credentials";
import { isPortFree, portInUseMessage } from "./port";

/** The demo's server, with the credentials generated for this run. */
export interface DemoServer extends Credentials {
  server: RunningServer;
  webhookUrl: string;
}

export type DemoStart =
  { ok: true; demo: DemoServer } | { ok: false; message: string };

/**
 * Builds the standalone server when its sources changed since the last
 * build (the same once-per-change, locked build the tests use), then starts
 * it as production does, on a free port unless one is given. A given port
 * that is taken fails the start before anything is built or sent.
 * `onBuild` runs just before the build check, which can take minutes.
 */
export async function startDemoServer(
  port: number | undefined,
  onBuild: () => void = () => {},
): Promise<DemoStart> {
  if (port !== undefined && !(await isPortFree(port))) {
    return { ok: false, message: portInUseMessage(port) };
  }

  onBuild();
  return launchDemoServer(ensureProductionBuild(), port);
}

/**
 * Starts the built server and makes sure the one answering is it (its
 * health JSON, and still running): a program that took the port first
 * would otherwise receive the whole demo. Stops the server on failure.
 */
export async function launchDemoServer(
  dir: string,
  port: number | undefined,
  credentials: Credentials = newCredentials(),
): Promise<DemoStart> {
  let server: RunningServer;
  try {
    server = await startServer({
      dir,
      port,
      env: {
        E2B_WEBHOOK_SECRET: credentials.secret,
        WEBHOOK_ADMIN_TOKEN: credentials.adminToken,
        LOG_FORMAT: "json",
      },
    });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const taken = port !== undefined && text.includes("EADDRINUSE");
    const message = `The server did not start: ${text}`;
    return { ok: false, message: taken ? portInUseMessage(port) : message };
  }

  const confirmed = await confirmReceiver(server.url);
  if (confirmed.ok && server.process.exitCode === null) {
    const webhookUrl = `${server.url}/api/webhooks/e2b`;
    return { ok: true, demo: { server, webhookUrl, ...credentials } };
  }

  await server.stop();
  return { ok: false, message: notConfirmed(server, confirmed) };
}

function notConfirmed(server: RunningServer, confirmed: Confirmation): string {
  const output = server.output();
  if (output.includes("EADDRINUSE")) return portInUseMessage(server.port);
  if (confirmed.ok) return `The server exited right after starting:\n${output}`;

  return confirmed.reason === "unhealthy"
    ? `The receiver started but is not ready (${confirmed.detail}):\n${output}`
    : `Something other than this receiver answers on port ${server.port} (${confirmed.detail}), so the demo did not start: is another program using that port? Choose another with --port.`;
}
