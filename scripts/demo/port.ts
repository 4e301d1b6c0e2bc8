import { createServer } from "node:net";

/** The address the demo's server listens on. */
export const DEMO_HOST = "127.0.0.1";

/**
 * Whether `port` can be listened on at the demo's address now, found by
 * listening on it for a moment. Another program on the port, on this
 * address or on all of them, makes it unavailable.
 */
export function isPortFree(port: number, host = DEMO_HOST): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** What to tell someone whose chosen port is taken. */
export function portInUseMessage(port: number): string {
  return `Port ${port} is already in use by another program, so the demo did not start. Stop that program, choose another port with --port, or leave --port out to use a free one.`;
}
