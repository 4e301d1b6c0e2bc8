import { setImmediate as tick } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { makeEvent, makeManager, memoryLogger } from "../helpers/events";

describe("a listener that fails", () => {
  it.each([
    [
      "throws",
      () => {
        throw new Error("listener broke");
      },
    ],
    [
      "rejects",
      async () => {
        throw new Error("listener broke");
      },
    ],
  ])("when it %s, is logged and never fails the apply", async (_name, bad) => {
    const { logger, lines } = memoryLogger();
    const manager = makeManager({ logger });
    let laterListenerRan = false;
    manager.on("*", bad).on("*", () => void (laterListenerRan = true));
    const created = makeEvent("created");

    const result = await manager.apply(created);
    await tick();

    expect(result.outcome).toBe("applied");
    expect(await manager.get(created.sandboxId)).toBeDefined();
    expect(laterListenerRan).toBe(true);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        msg: "sandbox listener failed",
        eventId: created.id,
        eventType: "sandbox.lifecycle.created",
        err: expect.objectContaining({ message: "listener broke" }),
      }),
    ]);
  });

  it("does not hold up the apply while it is still running", async () => {
    const manager = makeManager();
    let release = () => {};
    manager.on("*", () => new Promise<void>((resolve) => (release = resolve)));

    const result = await manager.apply(makeEvent("created"));
    release();

    expect(result.outcome).toBe("applied");
  });
});
