import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe("sendDelivery", () => {
  let server: Server;
  let url: string;
  let reply: {
    status: number;
    body: string;
    headers?: Record<string, string>;
  } = { status: 200, body: "" };
  let requests = 0;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      requests += 1;
      response.writeHead(reply.status, reply.headers).end(reply.body);
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

  it("gives a redirect back with its location instead of following it", async () => {
    reply = {
      status: 308,
      body: "",
      headers: { location: "/api/webhooks/e2b" },
    };
    const before = requests;

    const answer = await sendDelivery(`${url}api/webhooks/e2b/`, delivery);

    expect(answer).toEqual({
      reachable: true,
      status: 308,
      outcome: "HTTP 308",
      body: null,
      location: `${url}api/webhooks/e2b`,
    });
    expect(requests - before).toBe(1);
  });

  it("gives the content type of an answer", async () => {
    reply = {
      status: 200,
      body: "<html></html>",
      headers: { "content-type": "text/html" },
    };

    expect(await sendDelivery(url, delivery)).toMatchObject({
      status: 200,
      outcome: "HTTP 200",
      body: null,
      contentType: "text/html",
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
