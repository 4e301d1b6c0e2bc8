import { request as httpRequest, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { addressKey } from "@/lib/rate-limit/address-key";
import {
  clientAddress,
  stampPeerAddresses,
} from "@/lib/rate-limit/client-address";

const forwarded = (value: string) => new Headers({ "x-forwarded-for": value });

/** What a route handler would see for one request sent over a socket. */
async function headersSeenByServer(sent: Record<string, string>) {
  stampPeerAddresses();
  const server = createServer((req, res) => {
    res.end(JSON.stringify(req.headers));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const text = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ port, host: "127.0.0.1", headers: sent });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve(body));
      });
      req.on("error", reject).end();
    });
    return new Headers(JSON.parse(text) as Record<string, string>);
  } finally {
    server.close();
  }
}

describe("the client address", () => {
  it("is the socket's address, stamped as the request is parsed", async () => {
    const headers = await headersSeenByServer({});

    expect(clientAddress(headers, false)).toBe("127.0.0.1");
  });

  it("cannot be forged by sending the stamp header", async () => {
    const headers = await headersSeenByServer({
      "x-e2b-webhook-peer": "0123 203.0.113.9",
    });

    expect(clientAddress(headers, false)).toBe("127.0.0.1");
  });

  it("ignores X-Forwarded-For unless the proxy is trusted", async () => {
    const headers = await headersSeenByServer({
      "x-forwarded-for": "203.0.113.9",
    });

    expect(clientAddress(headers, false)).toBe("127.0.0.1");
    expect(clientAddress(headers, true)).toBe("203.0.113.9");
  });

  it("is unknown for a request built in process, without a stamp", () => {
    expect(clientAddress(new Headers(), false)).toBeNull();
  });

  it("takes the right-most X-Forwarded-For entry, the one our proxy added", () => {
    const headers = forwarded("198.51.100.1, 203.0.113.9");

    expect(clientAddress(headers, true)).toBe("203.0.113.9");
  });

  it.each([
    ["203.0.113.9:5678", "203.0.113.9"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    [" 2001:db8::2 ", "2001:db8::2"],
  ])("reads the proxy's entry %j as %j", (entry, address) => {
    expect(clientAddress(forwarded(entry), true)).toBe(address);
  });

  it("falls back to the socket when the trusted entry is not an address", async () => {
    const headers = await headersSeenByServer({ "x-forwarded-for": "unknown" });

    expect(clientAddress(headers, true)).toBe("127.0.0.1");
  });
});

describe("the rate-limit key of an address", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::9", "2001:db8:1:2::/64"],
    ["2001:DB8::1", "2001:db8:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
  ])("groups %j as %j", (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  it("puts every unknown address in one bucket", () => {
    expect(addressKey(null)).toBe("unknown");
  });
});
