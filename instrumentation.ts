/**
 * Next.js calls `register` once as a server process starts, before its first
 * request is handled. Loading the configuration here means a bad setting
 * stops the process at start-up (a container restart loop then shows why)
 * instead of failing the first delivery, and start-up warnings print once.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { ConfigError } = await import("./lib/config/config");
    const { getRuntime } = await import("./lib/runtime");
    try {
      // Reconciliation runs in the background from here on; its first run
      // never delays start-up or a delivery.
      getRuntime().reconciler?.start();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;

      // No logger yet: its format and level are part of what failed to load.
      // Every line carries the tag so `grep "\[e2b-webhook\]"` shows why.
      for (const line of error.message.split("\n")) {
        console.error(`[e2b-webhook] ${line}`);
      }
      process.exit(1);
    }
  }
}
