import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmReceiver } from "@/scripts/demo/confirm-receiver";
import { newCredentials } from "@/scripts/demo/credentials";
import { isPortFree } from "@/scripts/demo/port";
import { launchDemoServer } from "@/scripts/demo/server";
import { ensureProductionBuild } from "../support/production-build";
import { freePort } from "../support/server-process";

describe("the demo's credentials", () => {
  it("never start with a dash, so they can follow an option", () => {
    const made = Array.from({ length: 200 }, newCredentials);

    for (const { secret, adminToken } of made) {
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      expect(adminToken).toMatch(/^[0-9a-f]{48}$/);
    }
    expect(new Set(made.map((c) => c.secret)).size).toBe(made.length);
  });
});

describe("starting the demo's server beside another program", () => {
  let other: Server;
  let port: number;
  let otherUrl: string;

  beforeAll(async () => {
    other = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html" }).end("<p>hi");
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    port = (other.address() as AddressInfo).port;
    otherUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(() => new Promise((resolve) => other.close(resolve)));

  it("finds the other program's port taken and a free one free", async () => {
    expect(await isPortFree(port)).toBe(false);
    expect(await isPortFree(await freePort())).toBe(true);
  });

  it("does not take the other program for the receiver", async () => {
    expect(await confirmReceiver(otherUrl)).toEqual({
      ok: false,
      reason: "not_receiver",
      detail:
        "GET /api/health answered HTTP 200 (text/html), not the receiver's health JSON",
    });
  });

  it("refuses to go on when its port is taken, whoever answers first", async () => {
    const started = await launchDemoServer(ensureProductionBuild(), port);

    expect(started.ok).toBe(false);
    expect(!started.ok && started.message).toMatch(
      new RegExp(
        `^(Port ${port} is already in use|Something other than this receiver answers on port ${port})`,
      ),
    );
  });

  it("confirms its own server and hands it over running", async () => {
    const started = await launchDemoServer(ensureProductionBuild(), undefined);
    if (!started.ok) throw new Error(started.message);
    try {
      expect(await confirmReceiver(started.demo.server.url)).toEqual({
        ok: true,
      });
      expect(started.demo.server.process.exitCode).toBeNull();
    } finally {
      await started.demo.server.stop();
    }
  });
});
