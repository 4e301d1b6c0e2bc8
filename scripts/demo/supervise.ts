import type { DemoServer } from "./server";

/** Stops the demo's server exactly once, however the demo ends. */
export interface Supervisor {
  stop(): Promise<void>;
  /** From now on the demo is kept up: a signal ends it with status 0. */
  keep(): void;
}

/**
 * Ctrl+C or SIGTERM stops the server before the demo exits, whether it is
 * still replaying (status 130) or kept up with --keep (status 0). A server
 * that exits on its own, while replaying or kept, ends the demo with
 * status 1: a program that took its port may be answering in its place.
 */
export function supervise(demo: DemoServer): Supervisor {
  let stopping = false;
  let kept = false;

  const stop = async () => {
    stopping = true;
    await demo.server.stop();
  };
  // The handlers stay for good: Ctrl+C reaches the demo more than once
  // (from the terminal, and relayed by pnpm and tsx), and a signal with no
  // handler left would end the demo with 130 before the server has stopped.
  const onSignal = () => {
    if (stopping) return;

    console.log("\nStopping the server…");
    void stop().then(() => process.exit(kept ? 0 : 130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  demo.server.process.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(exitMessage(demo, signal ?? code));
    process.exit(1);
  });

  return {
    stop,
    keep: () => {
      kept = true;
    },
  };
}

function exitMessage(demo: DemoServer, how: string | number | null): string {
  const taken = demo.server.output().includes("EADDRINUSE")
    ? `: port ${demo.server.port} was taken by another program`
    : "";
  return `\nThe server exited on its own (${how})${taken}.`;
}
