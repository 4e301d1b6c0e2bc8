import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EventData, SandboxEvent } from "@/lib/events/event";
import { orderKey } from "@/lib/registry/transition";
import type { SandboxManager } from "@/lib/registry/sandbox-manager";
import { DAY_MS, makeEvent, makeManager, NOW_MS } from "../helpers/events";

const SANDBOXES = ["ia", "ib", "ic"];
const LIVE_TYPES = ["created", "updated", "paused", "resumed", "checkpointed"];

// Many events share a second, and some lie one nanosecond apart, so ties and
// near-ties are common; a few fall outside the replay window.
const eventTime = fc
  .oneof(
    {
      weight: 9,
      arbitrary: fc.tuple(
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom(0, 1, 2, 500_000_000, 999_999_999),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constant([(-2 * DAY_MS) / 1000, 0] as [number, number]),
    },
  )
  .map(([seconds, nanos]) => {
    const base = new Date(NOW_MS - 3_600_000 + seconds * 1000).toISOString();
    return `${base.slice(0, 19)}.${String(nanos).padStart(9, "0")}Z`;
  });

const eventData: fc.Arbitrary<EventData> = fc.record(
  {
    metadata: fc.dictionary(
      fc.constantFrom("a", "b"),
      fc.constantFrom("1", "2"),
    ),
    setTimeout: eventTime,
    execution: fc.record({ vcpuCount: fc.integer({ min: 1, max: 8 }) }),
    networkEgress: fc.record({
      allowedCidrs: fc.option(fc.constant(["10.0.0.0/8"])),
      deniedCidrs: fc.constant(null),
      allowedDomains: fc.constant(null),
    }),
  },
  { requiredKeys: [] },
);

const eventSpec = fc.record({
  sandbox: fc.constantFrom(...SANDBOXES),
  type: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...LIVE_TYPES) },
    { weight: 1, arbitrary: fc.constant("sandbox.lifecycle.teleported") },
  ),
  at: eventTime,
  execution: fc.option(fc.constantFrom("exec-1", "exec-2"), { nil: undefined }),
  withIds: fc.boolean(),
  data: eventData,
});

/** Events for a few sandboxes, at most one kill each, all with unique ids. */
const eventSet = fc
  .record({
    specs: fc.array(eventSpec, { minLength: 1, maxLength: 25 }),
    kills: fc.array(fc.tuple(fc.constantFrom(...SANDBOXES), eventTime), {
      maxLength: 3,
    }),
  })
  .map(({ specs, kills }) => {
    const killed = new Map(kills);
    const live = specs.map((spec, i) =>
      makeEvent(spec.type, {
        id: `event-${i}`,
        sandboxId: spec.sandbox,
        at: spec.at,
        executionId: spec.execution,
        data: spec.data,
        ...(spec.withIds && {
          teamId: `team-of-${spec.sandbox}`,
          templateId: "template",
          buildId: "build",
        }),
      }),
    );
    const kill = [...killed].map(([sandboxId, at]) =>
      makeEvent("killed", {
        id: `kill-${sandboxId}`,
        sandboxId,
        at,
        data: { killReason: "timeout" },
      }),
    );
    return [...live, ...kill];
  });

/** The same events with some delivered more than once, in any order. */
const deliveries = eventSet.chain((events) =>
  fc
    .array(fc.integer({ min: 0, max: events.length - 1 }), { maxLength: 10 })
    .chain((repeats) =>
      fc.shuffledSubarray(
        [...events, ...repeats.map((i) => events[i] as SandboxEvent)],
        {
          minLength: events.length + repeats.length,
        },
      ),
    )
    .map((shuffled) => ({ events, shuffled })),
);

async function deliver(
  events: readonly SandboxEvent[],
): Promise<SandboxManager> {
  const manager = makeManager();
  for (const event of events) await manager.apply(structuredClone(event));
  return manager;
}

async function snapshot(manager: SandboxManager) {
  const sandboxes = (await manager.list())
    .map(({ updatedAt: _ignored, ...sandbox }) => sandbox)
    .sort((a, b) => a.sandboxId.localeCompare(b.sandboxId));
  const tombstones = await Promise.all(
    SANDBOXES.map((id) => manager.getTombstone(id)),
  );
  return { sandboxes, tombstones };
}

describe("delivery order", () => {
  it("any shuffle, with duplicates, leaves the registry in-order delivery leaves", async () => {
    await fc.assert(
      fc.asyncProperty(deliveries, async ({ events, shuffled }) => {
        const inOrder = [...events].sort((a, b) =>
          orderKey(a) < orderKey(b) ? -1 : 1,
        );

        const expected = await snapshot(await deliver(inOrder));
        const actual = await snapshot(await deliver(shuffled));

        expect(actual).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
