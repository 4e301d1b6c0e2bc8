import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sendDelivery } from "@/lib/client/send-delivery";
import { signDelivery } from "@/lib/client/sign-delivery";

// Found by the SIGKILL fault test: a server killed between its status line
// and the end of its body made sendDelivery reject ("terminated") instead
// of answering, although it promises never to throw.
describe("sendDelivery when the answer is cut short", () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  it("resolves to a failed attempt instead of rejecting", async () => {
    server = createServer((_request, response) => {
      response.writeHead(200, { "content-length": "100" });
      response.write('{"success":true,');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    await new Promise<void>((resolve) =>
      server?.listen(0, "127.0.0.1", resolve),
    );
    const { port } = server.address() as AddressInfo;
    const delivery = signDelivery("{}", {
      secret: "regression-secret-0123456789abcdefghijk",
      scheme: "e2b",
    });

    const answer = await sendDelivery(`http://127.0.0.1:${port}/`, delivery);

    expect(answer).toEqual({
      reachable: false,
      error: expect.stringMatching(/^answer cut short: /),
    });
  });
});
