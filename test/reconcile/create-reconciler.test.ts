import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReconciler } from "@/lib/reconcile/create-reconciler";
import { startFakeE2bApi, type FakeE2bApi } from "../support/fake-e2b-api";
import {
  DAY_MS,
  eventRecord,
  minutesAgo,
  newManager,
  silentLogger,
} from "./helpers";

let fake: FakeE2bApi;
beforeEach(async () => {
  fake = await startFakeE2bApi();
});
afterEach(() => fake.close());

describe("a reconciler wired from settings", () => {
  it("tells live views only after a run that changed the registry", async () => {
    let changes = 0;
    const reconciler = createReconciler({
      settings: {
        apiKey: fake.apiKey,
        apiUrl: fake.url,
        intervalMs: 0,
        lookbackMs: DAY_MS,
      },
      manager: newManager(),
      logger: silentLogger(),
      onChange: () => (changes += 1),
    });
    fake.addEvents(
      eventRecord("created", "iwired000000000000001", minutesAgo(1)),
    );

    const first = await reconciler.runNow();
    const second = await reconciler.runNow();

    expect(first.ok && first.counts.applied).toBe(1);
    expect(second.ok && second.counts.applied).toBe(0);
    expect(changes).toBe(1);
  });
});
