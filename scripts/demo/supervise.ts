import type { DemoServer } from "./server";

/** Stops the demo's server exactly once, however the demo ends. */
export interface Supervisor {
  stop(): Promise<void>;
  /** From now on the demo is kept up: a signal ends it with status 0. */
  keep(): void;
}

/**
 * Ctrl+C or SIGTERM stops the server before the demo exits, whether it is
 * still replaying (status 130) or kept up with --keep (status 0). A kept
 * server that dies on its own ends the demo with status 1.
 */
export function supervise(demo: DemoServer): Supervisor {
  let stopping = false;
  let kept = false;

  const stop = async () => {
    stopping = true;
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await demo.server.stop();
  };
  const onSignal = () => {
    console.log("\nStopping the server…");
    void stop().then(() => process.exit(kept ? 0 : 130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  demo.server.process.once("exit", (code, signal) => {
    if (stopping || !kept) return;
    console.error(`The server exited on its own (${signal ?? code}).`);
    process.exit(1);
  });

  return {
    stop,
    keep: () => {
      kept = true;
    },
  };
}
