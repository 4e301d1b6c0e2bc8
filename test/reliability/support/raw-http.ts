import { connect, type Socket } from "node:net";

/** What came back on a raw connection, when it ended. */
export interface RawOutcome {
  /** Everything the server sent. */
  text: string;
  status: number | null;
  /** The whole response arrived: headers and the body they announce. */
  complete: boolean;
  /** The server closed the connection (rather than the client). */
  closedByServer: boolean;
  /** When, in ms since the connection opened, it ended. */
  endedAtMs: number;
  /** The TCP connection was established. */
  connected: boolean;
  /** The socket error's code, such as ECONNRESET, if it ended on one. */
  error: string | null;
}

/** One HTTP/1.1 connection written by hand, byte by byte if need be. */
export interface RawConnection {
  socket: Socket;
  write(data: string | Buffer): void;
  /** Whether the connection is still open. */
  open(): boolean;
  /** Resolves once a complete response arrived, or the connection ended. */
  outcome: Promise<RawOutcome>;
}

export function rawConnection(port: number): RawConnection {
  const socket = connect(port, "127.0.0.1");
  const opened = performance.now();
  let text = "";
  let ended = false;
  let connected = false;
  let error: string | null = null;
  socket.on("connect", () => (connected = true));

  const outcome = new Promise<RawOutcome>((resolve) => {
    const finish = (closedByServer: boolean) => {
      if (ended) return;
      ended = true;
      resolve({
        text,
        status: statusOf(text),
        complete: isComplete(text),
        closedByServer,
        endedAtMs: performance.now() - opened,
        connected,
        error,
      });
    };
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("latin1");
      if (isComplete(text)) finish(false);
    });
    socket.on("end", () => finish(true));
    socket.on("close", () => finish(true));
    socket.on("error", (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
      finish(true);
    });
  });

  return {
    socket,
    write: (data) => {
      if (!socket.destroyed) socket.write(data);
    },
    open: () => !ended && !socket.destroyed,
    outcome,
  };
}

/** A POST to the webhook route as raw text: headers, then the body. */
export function requestHead(
  headers: Record<string, string>,
  length: number,
): string {
  const lines = [
    "POST /api/webhooks/e2b HTTP/1.1",
    "host: 127.0.0.1",
    `content-length: ${length}`,
    ...Object.entries(headers)
      .filter(([name]) => name.toLowerCase() !== "content-length")
      .map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join("\r\n")}\r\n\r\n`;
}

function statusOf(text: string): number | null {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  return match ? Number(match[1]) : null;
}

function isComplete(text: string): boolean {
  const split = text.indexOf("\r\n\r\n");
  if (split === -1) return false;

  const head = text.slice(0, split).toLowerCase();
  const body = text.slice(split + 4);
  const length = /\r\ncontent-length: *(\d+)/.exec(head)?.[1];
  if (length !== undefined)
    return Buffer.byteLength(body, "latin1") >= Number(length);
  if (/\r\ntransfer-encoding: *chunked/.test(head)) {
    return body.endsWith("0\r\n\r\n");
  }
  return false;
}
