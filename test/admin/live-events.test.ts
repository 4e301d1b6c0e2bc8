import { afterEach, describe, expect, it } from "vitest";
import { GET as getEvents } from "@/app/api/events/route";
import { ChangeFeed } from "@/lib/observability/change-feed";
import type { DashboardSnapshot } from "@/lib/observability/dashboard-snapshot";
import { snapshotStream } from "@/lib/observability/snapshot-stream";
import { getRuntime } from "@/lib/runtime";
import { configure, restore } from "./support/environment";
import { adminGet, deliver } from "./support/requests";
import { nextEvent, type ServerSentEvent } from "./support/sse";

const SANDBOX = "ilive0000000000000001";
const isSnapshot = (e: ServerSentEvent) => e.event === "snapshot";

function snapshotOf(event: ServerSentEvent | null): DashboardSnapshot {
  expect(event?.event).toBe("snapshot");
  return JSON.parse(event?.data ?? "null") as DashboardSnapshot;
}

afterEach(restore);

describe("GET /api/events", () => {
  it("streams a snapshot at once as server-sent events", async () => {
    configure();
    await deliver("created", SANDBOX);

    const response = await getEvents(adminGet("/api/events"));
    const reader = response.body!.getReader();
    const snapshot = snapshotOf(await nextEvent(reader, isSnapshot));
    await reader.cancel();

    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(snapshot.sandboxes.map((s) => s.sandboxId)).toEqual([SANDBOX]);
    expect(snapshot.sandboxCount).toEqual({ total: 1, running: 1, paused: 0 });
    expect(snapshot.totals).toMatchObject({ received: 1, accepted: 1 });
    expect(snapshot.deliveries[0]?.outcome).toBe("applied");
  });

  it("pushes a new snapshot after a delivery arrives", async () => {
    configure();
    const response = await getEvents(adminGet("/api/events"));
    const reader = response.body!.getReader();
    const buffer = { text: "" };
    snapshotOf(await nextEvent(reader, isSnapshot, buffer));

    await deliver("paused", SANDBOX);
    const snapshot = snapshotOf(await nextEvent(reader, isSnapshot, buffer));
    await reader.cancel();

    expect(snapshot.sandboxes[0]).toMatchObject({
      sandboxId: SANDBOX,
      state: "paused",
    });
  });

  it("stops listening for changes once the client goes away", async () => {
    configure();
    const response = await getEvents(adminGet("/api/events"));
    const reader = response.body!.getReader();
    await nextEvent(reader, isSnapshot);
    expect(getRuntime().changes.size).toBe(1);

    await reader.cancel();

    expect(getRuntime().changes.size).toBe(0);
  });
});

describe("snapshotStream", () => {
  const snapshot = { sandboxes: [] } as unknown as DashboardSnapshot;

  it("ends when the session it was opened with expires", async () => {
    const changes = new ChangeFeed();
    const stream = snapshotStream({
      load: async () => snapshot,
      changes,
      closeAtMs: Date.now() + 20,
    });
    const reader = stream.getReader();

    expect(await nextEvent(reader, isSnapshot)).not.toBeNull();
    expect(await nextEvent(reader)).toBeNull();
    expect(changes.size).toBe(0);
  });

  it("ends when the request is aborted", async () => {
    const changes = new ChangeFeed();
    const abort = new AbortController();
    const reader = snapshotStream({
      load: async () => snapshot,
      changes,
      closeAtMs: null,
      signal: abort.signal,
    }).getReader();
    await nextEvent(reader, isSnapshot);

    abort.abort();

    expect(await nextEvent(reader)).toBeNull();
  });

  it("sends an unavailable event when the registry cannot be read", async () => {
    const reader = snapshotStream({
      load: () => Promise.reject(new Error("connection refused")),
      changes: new ChangeFeed(),
      closeAtMs: null,
    }).getReader();

    const event = await nextEvent(reader);
    await reader.cancel();

    expect(event?.event).toBe("unavailable");
    expect(event?.data).not.toContain("connection refused");
  });

  it("sends one snapshot for a burst of changes", async () => {
    const changes = new ChangeFeed();
    let loads = 0;
    const reader = snapshotStream({
      load: async () => ({ ...snapshot, loads: ++loads }) as DashboardSnapshot,
      changes,
      closeAtMs: null,
      throttleMs: 10,
    }).getReader();
    const buffer = { text: "" };
    await nextEvent(reader, isSnapshot, buffer);

    for (let i = 0; i < 20; i++) changes.publish();
    await nextEvent(reader, isSnapshot, buffer);
    await reader.cancel();

    expect(loads).toBe(2);
  });
});
