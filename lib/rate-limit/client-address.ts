import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import type { HeaderReader } from "../signature/verify";

/**
 * A route handler sees a Web `Request`, not the socket, and the
 * `x-forwarded-for` that Next.js adds is only set when the client sent none
 * (`??=` in next/dist/server/base-server.js), so a client can write it. We
 * stamp the socket's address on each request as Node parses it instead,
 * under a header the client cannot forge: it carries a random token of this
 * process, and any copy the client sent is overwritten.
 */
const PEER_HEADER = "x-e2b-webhook-peer";

const TOKEN = Symbol.for("e2b-webhook.peer-token");
type Holder = typeof globalThis & { [TOKEN]?: string };

/** Starts stamping peer addresses; once per process, before requests. */
export function stampPeerAddresses(): void {
  const holder = globalThis as Holder;
  if (holder[TOKEN]) return;

  const token = randomBytes(16).toString("hex");
  holder[TOKEN] = token;
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    const address = request.socket.remoteAddress ?? "";
    request.headers[PEER_HEADER] = `${token} ${address}`;
  });
}

/**
 * The client's IP address: the right-most `X-Forwarded-For` entry (the one
 * our own proxy added) when `trustProxy`, else the socket's. `null` when it
 * cannot be known, such as for a request built in-process.
 */
export function clientAddress(
  headers: HeaderReader,
  trustProxy: boolean,
): string | null {
  if (trustProxy) {
    const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1);
    const address = forwarded && bareAddress(forwarded);
    if (address) return address;
  }

  const token = (globalThis as Holder)[TOKEN];
  const [stampToken, address] = headers.get(PEER_HEADER)?.split(" ") ?? [];
  if (!token || stampToken !== token || !address) return null;
  return bareAddress(address);
}

// Proxies write `1.2.3.4`, `1.2.3.4:5678` or `[2001:db8::1]:443`.
function bareAddress(entry: string): string | null {
  const text = entry.trim();
  if (isIP(text)) return text;

  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text)?.[1];
  if (bracketed && isIP(bracketed) === 6) return bracketed;
  const withPort = /^([\d.]+):\d+$/.exec(text)?.[1];
  return withPort && isIP(withPort) === 4 ? withPort : null;
}
