import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastLine, runScript } from "./run-script";

const SECRET = "sender-test-secret-0123456789abcdefghij";

/** A server that is not the receiver, answering as `reply` says. */
let reply: (url: string) => { status: number; headers: object; body: string };
let requests: string[] = [];

describe("test-e2b-webhook.ts against a URL that is not the receiver", () => {
  let server: Server;
  let base: string;
  const check = (url: string, ...args: string[]) =>
    runScript("test-e2b-webhook.ts", [`--url=${url}`, ...args]);

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      const { status, headers, body } = reply(request.url ?? "");
      response.writeHead(status, { ...headers }).end(body);
    });
    await new Promise<void>((resolve) =>
      server.listen(0, "127.0.0.1", resolve),
    );
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("reports a redirect as such, once, without following it", async () => {
    reply = () => ({
      status: 308,
      headers: { location: "/api/webhooks/e2b" },
      body: "/api/webhooks/e2b",
    });
    requests = [];

    const run = await check(`${base}/api/webhooks/e2b/`, "--secret", SECRET);

    expect(run.stderr.trim()).toBe(
      `The URL redirects (308) to ${base}/api/webhooks/e2b: use that URL (--url=${base}/api/webhooks/e2b). Deliveries are never sent on through a redirect.`,
    );
    expect(run.stdout).not.toContain("Cannot reach");
    expect(requests).toEqual(["POST /api/webhooks/e2b/"]);
    expect(lastLine(run)).toBe("0 passed, 1 failed");
    expect(run.code).toBe(1);
  });

  it("says once that a URL answering HTML did not answer like the receiver", async () => {
    reply = () => ({
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8" },
      body: "<!DOCTYPE html><html><body>Home</body></html>",
    });
    requests = [];

    const run = await check(`${base}/`, "--secret", SECRET);

    expect(run.stderr.trim()).toBe(
      `${base}/ did not answer like the receiver: it answered HTTP 200 (text/html; charset=utf-8), where the receiver answers a JSON body with "success". Check the URL: the receiver's webhook path is /api/webhooks/e2b.`,
    );
    expect(requests).toHaveLength(1);
    expect(lastLine(run)).toBe("0 passed, 1 failed");
    expect(run.code).toBe(1);
  });

  it.each([
    { form: "--secret VALUE", args: ["--secret", "-dash-first-secret"] },
    { form: "--secret=VALUE", args: ["--secret=-dash-first-secret"] },
  ])("takes a secret starting with a dash given as $form", async ({ args }) => {
    reply = () => ({ status: 404, headers: {}, body: "" });

    const run = await check(`${base}/`, ...args);

    expect(run.stderr).not.toContain("ambiguous");
    expect(run.stdout).toMatch(/^Testing .* \(secret from --secret\)/);
  });
});
