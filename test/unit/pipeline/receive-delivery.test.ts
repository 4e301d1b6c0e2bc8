import { describe, expect, it } from "vitest";
import { receiveDelivery } from "@/lib/pipeline/receive-delivery";
import { SandboxManager } from "@/lib/registry/sandbox-manager";
import type { RegistryStore } from "@/lib/registry/store";
import { signE2b } from "@/lib/signature/sign";
import { fixtureBytes } from "../helpers/fixtures";
import { makeManager, memoryLogger, NOW_MS } from "../helpers/events";

const SECRET = "pipeline-secret-0123456789abcdefghij";
const payload = new Uint8Array(fixtureBytes("e2b-v2/01-created.json"));
const headers = new Headers({ "e2b-signature": signE2b(SECRET, payload) });

function unreachableStore(): RegistryStore {
  const down = () =>
    Promise.reject(new Error("connect ECONNREFUSED 10.0.0.7:6379"));
  return {
    kind: "redis",
    apply: down,
    get: down,
    list: down,
    getTombstone: down,
    register: down,
    remove: down,
    ping: down,
    close: async () => {},
  };
}

describe("receiving a delivery", () => {
  it("answers 503 unavailable, without the store's error, when the registry cannot be reached", async () => {
    const manager = new SandboxManager({
      store: unreachableStore(),
      logger: memoryLogger().logger,
      maxEventAgeMs: null,
    });

    const { result } = await receiveDelivery(
      { headers, payload },
      { secrets: [SECRET], manager, now: () => NOW_MS },
    );

    expect(result.status).toBe(503);
    expect(result.body).toEqual({
      success: false,
      error: "unavailable",
      message: "The registry is unavailable; retry later",
    });
    expect(result.detail).toContain("ECONNREFUSED");
  });

  it("refuses every delivery with no secret, before looking at the signature", async () => {
    const { result } = await receiveDelivery(
      { headers, payload },
      { secrets: [], manager: makeManager(), now: () => NOW_MS },
    );

    expect(result.status).toBe(500);
    expect(result.body).toMatchObject({ error: "not_configured" });
  });

  it("returns the normalised event with the answer", async () => {
    const { result, event } = await receiveDelivery(
      { headers, payload },
      {
        secrets: [SECRET],
        manager: makeManager({ maxEventAgeMs: null }),
        now: () => NOW_MS,
      },
    );

    expect(result.status).toBe(200);
    expect(event).toMatchObject({ id: "f5911677-cb60-498f-afed-f68143b3cc59" });
  });
});
