import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const SECRET = "a-secret-long-enough-for-the-warning-0001";

describe("the process runtime", () => {
  beforeEach(() => {
    vi.stubEnv("E2B_WEBHOOK_SECRET", SECRET);
    vi.stubEnv("LOG_LEVEL", "silent");
  });
  afterEach(async () => {
    (await import("@/lib/runtime")).resetRuntime();
    vi.unstubAllEnvs();
  });

  it("keeps one registry when its modules are evaluated again, as a dev reload does", async () => {
    const first = await import("@/lib/runtime");
    const before = first.getRuntime();
    await before.manager.register("isurvivor00000000000001");

    vi.resetModules();
    const second = await import("@/lib/runtime");

    expect(second).not.toBe(first);
    expect(second.getRuntime()).toBe(before);
    expect(
      await second.getRuntime().manager.get("isurvivor00000000000001"),
    ).toMatchObject({ state: "running" });
  });

  it("serves the same registry through the sandboxManager export", async () => {
    const { getRuntime } = await import("@/lib/runtime");
    const { sandboxManager } = await import("@/lib/sandbox-manager");

    await getRuntime().manager.register("ishared0000000000000001");

    expect(await sandboxManager.get("ishared0000000000000001")).toMatchObject({
      sandboxId: "ishared0000000000000001",
    });
    expect(sandboxManager.on("*", () => {})).toBe(getRuntime().manager);
  });

  it("reads the environment again after a reset", async () => {
    const { getRuntime, resetRuntime } = await import("@/lib/runtime");
    expect(getRuntime().config.secrets).toEqual([SECRET]);

    vi.stubEnv("E2B_WEBHOOK_SECRET", "");
    resetRuntime();

    expect(getRuntime().config.secrets).toEqual([]);
  });
});
