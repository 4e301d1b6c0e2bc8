import { vi } from "vitest";
import { resetRuntime } from "@/lib/runtime";
import { SECRET, TOKEN } from "./deliveries";

/**
 * Sets the receiver's environment for one test (restored by
 * `vi.unstubAllEnvs`) and drops the runtime so the next request reads it.
 * `undefined` removes a variable.
 */
export function configure(env: Record<string, string | undefined> = {}) {
  const settings = {
    LOG_LEVEL: "silent",
    E2B_WEBHOOK_SECRET: SECRET,
    WEBHOOK_ADMIN_TOKEN: TOKEN,
    ...env,
  };
  for (const [name, value] of Object.entries(settings)) {
    vi.stubEnv(name, value);
  }
  resetRuntime();
}

export function restore() {
  vi.unstubAllEnvs();
  resetRuntime();
}
