import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAnswer, runChecks, type Check } from "@/lib/client/checks/check";
import { sendDelivery, type Answer } from "@/lib/client/send-delivery";
import { signDelivery } from "@/lib/client/sign-delivery";
import { freePort } from "@/test/support/server-process";

const applied: Answer = {
  reachable: true,
  status: 200,
  outcome: "applied",
  body: {
    success: true,
    outcome: "applied",
    message: "Event create processed successfully",
    eventId: "e1",
    eventType: "sandbox.lifecycle.created",
    sandboxId: "i1",
    timestamp: "2026-11-20T10:00:00Z",
  },
};
const expected = {
  status: 200,
  outcome: "applied",
  eventType: "sandbox.lifecycle.created",
  sandboxId: "i1",
};

describe("expectAnswer", () => {
  it("passes an answer that says what was expected", () => {
    expect(expectAnswer(applied, expected)).toEqual({
      ok: true,
      got: "200 applied",
      detail: "200 applied",
    });
  });

  it("fails on another outcome, quoting the server's message", () => {
    const result = expectAnswer(applied, { ...expected, outcome: "stale" });

    expect(result.ok).toBe(false);
    expect(result.detail).toBe(
      "expected 200 stale, got 200 applied (Event create processed successfully)",
    );
  });

  it("fails on another sandbox id", () => {
    const result = expectAnswer(applied, { ...expected, sandboxId: "i2" });

    expect(result).toMatchObject({ ok: false, detail: /sandboxId i2/ });
  });

  it("marks an unreachable server", () => {
    const answer: Answer = { reachable: false, error: "ECONNREFUSED" };

    expect(expectAnswer(answer, expected)).toMatchObject({
      ok: false,
      unreachable: true,
    });
  });
});

describe("runChecks", () => {
  it("stops at the first unreachable answer", async () => {
    const ran: string[] = [];
    const check = (name: string, unreachable: boolean): Check => ({
      name,
      run: async () => {
        ran.push(name);
        return { ok: !unreachable, detail: name, unreachable };
      },
    });
    const checks = [check("a", false), check("b", true), check("c", false)];

    const results = await runChecks(checks, () => {});

    expect(ran).toEqual(["a", "b"]);
    expect(results).toHaveLength(2);
  });
});

describe("sendDelivery", () => {
  let server: Server;
  let url: string;
  let reply = { status: 200, body: "" };

  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(reply.status).end(reply.body);
    });
    await new Promise<void>((resolve) =>
      server.listen(0, "127.0.0.1", resolve),
    );
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const delivery = signDelivery('{"a":1}', { secret: "s", scheme: "e2b" });

  it("reads the receiver's JSON answer", async () => {
    reply = {
      status: 200,
      body: JSON.stringify(applied.reachable && applied.body),
    };

    expect(await sendDelivery(url, delivery)).toEqual(applied);
  });

  it("reads an error answer's code as the outcome", async () => {
    reply = {
      status: 401,
      body: '{"success":false,"error":"invalid_signature","message":"no"}',
    };

    expect(await sendDelivery(url, delivery)).toMatchObject({
      status: 401,
      outcome: "invalid_signature",
    });
  });

  it("names the status when the answer is not the receiver's", async () => {
    reply = { status: 502, body: "<html>Bad gateway</html>" };

    expect(await sendDelivery(url, delivery)).toEqual({
      reachable: true,
      status: 502,
      outcome: "HTTP 502",
      body: null,
    });
  });

  it("reports a server that cannot be reached", async () => {
    const closed = `http://127.0.0.1:${await freePort()}/`;

    expect(await sendDelivery(closed, delivery)).toEqual({
      reachable: false,
      error: expect.stringContaining("ECONNREFUSED"),
    });
  });
});
