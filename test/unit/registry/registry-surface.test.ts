import pino from "pino";
import { describe, expect, it } from "vitest";
import { MemoryStore } from "@/lib/registry/memory-store";
import { SandboxManager } from "@/lib/registry/sandbox-manager";
import type { StoreApplyOptions } from "@/lib/registry/store";
import { makeEvent, makeManager } from "../helpers/events";

const at = (time: string) => `2026-11-20T${time}Z`;

describe("register, get, list and remove", () => {
  it("register adds a running sandbox the app created itself", async () => {
    const manager = makeManager();

    const result = await manager.register("iapp", {
      teamId: "team-1",
      metadata: { owner: "me" },
    });

    if (!result.ok) throw new Error("register refused a new sandbox");
    expect(result.created).toBe(true);
    expect(result.sandbox).toMatchObject({
      sandboxId: "iapp",
      state: "running",
      teamId: "team-1",
      metadata: { owner: "me" },
      createdAt: "2026-11-20T12:00:00.000Z",
      lastEventAt: null,
    });
    expect(await manager.get("iapp")).toEqual(result.sandbox);
  });

  it("register can add a paused sandbox", async () => {
    const manager = makeManager();

    await manager.register("iapp", { state: "paused" });

    expect((await manager.get("iapp"))?.state).toBe("paused");
  });

  it("register after E2B's created and paused events keeps what they recorded", async () => {
    const manager = makeManager();
    const sandboxId = "iapp";
    await manager.apply(
      makeEvent("created", { sandboxId, teamId: "team-1", executionId: "x1" }),
    );
    const paused = makeEvent("paused", {
      sandboxId,
      at: "2026-11-20T11:30:00Z",
    });
    await manager.apply(paused);

    const result = await manager.register(sandboxId, { templateId: "base" });

    expect(result).toMatchObject({ ok: true, created: false });
    expect(await manager.get(sandboxId)).toMatchObject({
      state: "paused",
      teamId: "team-1",
      templateId: "base",
      executionId: "x1",
      lastEventId: paused.id,
    });
    expect((await manager.apply(paused)).outcome).toBe("duplicate");
  });

  it("register refuses a killed sandbox and answers with its tombstone", async () => {
    const manager = makeManager();
    await manager.apply(makeEvent("killed", { sandboxId: "iapp" }));

    const result = await manager.register("iapp");

    expect(result).toEqual({
      ok: false,
      reason: "killed",
      tombstone: await manager.getTombstone("iapp"),
    });
    expect(await manager.get("iapp")).toBeUndefined();
  });

  it("later events update a registered sandbox under the usual rules", async () => {
    const manager = makeManager();
    await manager.register("iapp");

    await manager.apply(makeEvent("paused", { sandboxId: "iapp" }));

    expect((await manager.get("iapp"))?.state).toBe("paused");
  });

  it("list filters by state", async () => {
    const manager = makeManager();
    await manager.apply(makeEvent("created", { sandboxId: "ia" }));
    await manager.apply(makeEvent("paused", { sandboxId: "ib" }));
    await manager.register("ic");

    const ids = async (state?: "running" | "paused") =>
      (await manager.list(state ? { state } : {}))
        .map((s) => s.sandboxId)
        .sort();

    expect(await ids()).toEqual(["ia", "ib", "ic"]);
    expect(await ids("running")).toEqual(["ia", "ic"]);
    expect(await ids("paused")).toEqual(["ib"]);
  });

  it("remove forgets a sandbox without a tombstone and says whether it existed", async () => {
    const manager = makeManager();
    await manager.register("iapp");

    expect(await manager.remove("iapp")).toBe(true);
    expect(await manager.remove("iapp")).toBe(false);
    expect(await manager.get("iapp")).toBeUndefined();
    expect(await manager.getTombstone("iapp")).toBeUndefined();
  });

  it("get answers undefined for a sandbox it never saw", async () => {
    expect(await makeManager().get("inever")).toBeUndefined();
  });

  it("hands out copies: changing them changes nothing in the registry", async () => {
    const manager = makeManager();
    const event = makeEvent("paused", {
      sandboxId: "ia",
      data: { metadata: { k: "v" }, execution: { vcpuCount: 2 } },
    });
    manager.on("*", ({ sandbox }) => {
      if (sandbox) sandbox.metadata.k = "changed by a listener";
    });
    await manager.apply(event);
    const result = await manager.register("ib", { metadata: { k: "v" } });
    if (!result.ok) throw new Error("register refused a new sandbox");
    const registered = result.sandbox;

    const got = await manager.get("ia");
    if (got) got.metadata.k = "changed by get";
    for (const s of await manager.list()) s.metadata.k = "changed by list";
    registered.metadata.k = "changed by register";
    if (event.data.metadata) event.data.metadata.k = "changed via the event";
    if (event.data.execution) event.data.execution.vcpuCount = 64;

    expect(await manager.get("ia")).toMatchObject({
      metadata: { k: "v" },
      execution: { vcpuCount: 2 },
    });
    expect((await manager.get("ib"))?.metadata).toEqual({ k: "v" });
  });
});

describe("listeners", () => {
  it("hear each applied event of their type, with the entry before and after", async () => {
    const manager = makeManager();
    const heard: unknown[] = [];
    manager.on("sandbox.lifecycle.paused", (change) => void heard.push(change));
    await manager.apply(
      makeEvent("created", { sandboxId: "ia", at: at("10:00:00") }),
    );

    const paused = makeEvent("paused", { sandboxId: "ia", at: at("10:01:00") });
    await manager.apply(paused);

    expect(heard).toEqual([
      expect.objectContaining({
        event: paused,
        previous: expect.objectContaining({ state: "running" }),
        sandbox: expect.objectContaining({ state: "paused" }),
        tombstone: undefined,
      }),
    ]);
  });

  it("on '*' hear every applied event, and a kill comes with its tombstone", async () => {
    const manager = makeManager();
    const heard: string[] = [];
    manager.on("*", ({ event, sandbox, tombstone }) => {
      heard.push(`${event.type} ${sandbox?.state ?? tombstone?.state}`);
    });

    await manager.apply(makeEvent("created", { at: at("10:00:00") }));
    await manager.apply(makeEvent("killed", { at: at("10:01:00") }));

    expect(heard).toEqual([
      "sandbox.lifecycle.created running",
      "sandbox.lifecycle.killed killed",
    ]);
  });

  it("do not hear duplicates, stale or ignored events", async () => {
    const manager = makeManager();
    const created = makeEvent("created", { at: at("10:00:00") });
    await manager.apply(created);
    let heard = 0;
    manager.on("*", () => void heard++);

    await manager.apply(created);
    await manager.apply(makeEvent("updated", { at: at("09:00:00") }));
    await manager.apply(makeEvent("sandbox.lifecycle.teleported"));

    expect(heard).toBe(0);
  });

  it("stop hearing after off", async () => {
    const manager = makeManager();
    let heard = 0;
    const listener = () => void heard++;
    manager.on("sandbox.lifecycle.created", listener).on("*", listener);
    manager.off("sandbox.lifecycle.created", listener);

    await manager.apply(makeEvent("created"));
    manager.off("*", listener);
    await manager.apply(makeEvent("created", { sandboxId: "iother" }));

    expect(heard).toBe(1);
  });

  it("are the only reason the store is asked for the entries", async () => {
    const store = new MemoryStore({
      tombstoneTtlMs: 60_000,
      tombstoneMaxEntries: 10,
      idempotencyTtlMs: 60_000,
      idempotencyMaxEntries: 10,
    });
    const asked: (boolean | undefined)[] = [];
    const apply = store.apply.bind(store);
    store.apply = (event, context, options?: StoreApplyOptions) => {
      asked.push(options?.withEntries);
      return apply(event, context, options);
    };
    const manager = new SandboxManager({
      store,
      logger: pino({ level: "silent" }),
      maxEventAgeMs: null,
    });
    const listener = () => {};

    await manager.apply(makeEvent("created", { sandboxId: "ia" }));
    manager.on("*", listener).on("*", listener);
    await manager.apply(makeEvent("created", { sandboxId: "ib" }));
    manager.off("*", listener);
    await manager.apply(makeEvent("created", { sandboxId: "ic" }));

    expect(asked).toEqual([false, true, false]);
  });
});
