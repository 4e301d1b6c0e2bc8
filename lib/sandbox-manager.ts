import type { SandboxManager } from "./registry/sandbox-manager";
import { getRuntime } from "./runtime";

/**
 * The process's one registry of live sandboxes, kept true by E2B's webhooks.
 * It is created on first use from the environment and survives Next.js dev
 * reloads.
 *
 * @example
 * import { sandboxManager } from "@/lib/sandbox-manager";
 *
 * const paused = await sandboxManager.list({ state: "paused" });
 * sandboxManager.on("sandbox.lifecycle.killed", ({ event }) => {
 *   void releaseResources(event.sandboxId);
 * });
 */
export const sandboxManager: SandboxManager = new Proxy({} as SandboxManager, {
  get(_target, property) {
    const manager = getRuntime().manager;
    const value: unknown = Reflect.get(manager, property, manager);
    return typeof value === "function" ? value.bind(manager) : value;
  },
});

export type {
  ApplyOptions,
  ListenerTopic,
  RegisterResult,
  SandboxChange,
  SandboxListener,
  SandboxRegistration,
} from "./registry/sandbox-manager";
export type { Sandbox, SandboxState, Tombstone } from "./registry/sandbox";
