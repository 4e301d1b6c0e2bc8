import { afterEach, describe, expect, it } from "vitest";
import { GET as getSandbox } from "@/app/api/sandboxes/[id]/route";
import { GET as getSandboxes } from "@/app/api/sandboxes/route";
import type { Sandbox } from "@/lib/registry/sandbox";
import { configure, restore } from "./support/environment";
import { adminGet, deliver, json } from "./support/requests";

const ALPHA = "ialpha000000000000001";
const BETA = "ibeta0000000000000002";

interface ListBody {
  sandboxes: Sandbox[];
  count: number;
}

function one(id: string): Promise<Response> {
  return getSandbox(adminGet(`/api/sandboxes/${id}`), {
    params: Promise.resolve({ id }),
  });
}

afterEach(restore);

describe("GET /api/sandboxes", () => {
  it("lists every sandbox in the registry with a count", async () => {
    configure();
    await deliver("created", ALPHA);
    await deliver("created", BETA);

    const response = await getSandboxes(adminGet("/api/sandboxes"));
    const body = await json<ListBody>(response);

    expect(response.status).toBe(200);
    expect(body.count).toBe(2);
    expect(body.sandboxes.map((s) => s.sandboxId).sort()).toEqual([
      ALPHA,
      BETA,
    ]);
  });

  it("filters by ?state=paused", async () => {
    configure();
    await deliver("created", ALPHA);
    await deliver("paused", BETA);

    const response = await getSandboxes(
      adminGet("/api/sandboxes?state=paused"),
    );
    const body = await json<ListBody>(response);

    expect(body.count).toBe(1);
    expect(body.sandboxes[0]).toMatchObject({
      sandboxId: BETA,
      state: "paused",
    });
  });

  it("answers 400 invalid_state for a state that is not running or paused", async () => {
    configure();

    const response = await getSandboxes(
      adminGet("/api/sandboxes?state=killed"),
    );

    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({
      success: false,
      error: "invalid_state",
    });
  });
});

describe("GET /api/sandboxes/{id}", () => {
  it("answers 200 with the sandbox's registry entry", async () => {
    configure();
    await deliver("created", ALPHA, {
      data: { sandbox_metadata: { project: "landing" } },
      templateId: "node-20",
    });

    const response = await one(ALPHA);
    const { sandbox } = await json<{ sandbox: Sandbox }>(response);

    expect(response.status).toBe(200);
    expect(sandbox).toMatchObject({
      sandboxId: ALPHA,
      state: "running",
      templateId: "node-20",
      metadata: { project: "landing" },
      lastEventType: "sandbox.lifecycle.created",
    });
    for (const field of ["teamId", "buildId", "executionId", "createdAt"]) {
      expect(sandbox).toHaveProperty(field);
    }
    expect(sandbox).toHaveProperty("updatedAt");
    expect(sandbox).toHaveProperty("lastEventAt");
    expect(sandbox).toHaveProperty("endAt");
  });

  it("answers 410 with the tombstone once the sandbox is killed", async () => {
    configure();
    await deliver("created", ALPHA);
    const killedAt = new Date();
    await deliver("killed", ALPHA, {
      at: killedAt,
      data: { kill_reason: "timeout" },
    });

    const response = await one(ALPHA);

    expect(response.status).toBe(410);
    expect(await response.json()).toEqual({
      sandbox: {
        sandboxId: ALPHA,
        state: "killed",
        killedAt: killedAt.toISOString(),
        killReason: "timeout",
      },
    });
  });

  it("answers 404 sandbox_not_found for a sandbox never seen", async () => {
    configure();
    await deliver("created", ALPHA);

    const response = await one(BETA);

    expect(response.status).toBe(404);
    expect(await json(response)).toMatchObject({
      success: false,
      error: "sandbox_not_found",
    });
  });
});
