import { resetRuntime } from "@/lib/runtime";

// Every receiver setting, so that nothing from the outer environment (a
// Redis URL, a rate limit) changes what an in-process test sees.
const RECEIVER_SETTING = /^(E2B_|WEBHOOK_|REDIS_|LOG_)/;
const saved = { ...process.env };

/** Sets the receiver's environment (others unset) for in-process tests. */
export function useEnvironment(env: Record<string, string>): void {
  clearSettings();
  Object.assign(process.env, env);
  resetRuntime();
}

export function restoreEnvironment(): void {
  clearSettings();
  for (const [name, value] of Object.entries(saved)) {
    if (RECEIVER_SETTING.test(name)) process.env[name] = value;
  }
  resetRuntime();
}

function clearSettings(): void {
  for (const name of Object.keys(process.env)) {
    if (RECEIVER_SETTING.test(name)) delete process.env[name];
  }
}
