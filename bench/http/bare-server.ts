import { createServer, type IncomingMessage } from "node:http";
import { verifySignature } from "../../lib/signature/verify";
import { BENCH_SECRET } from "../deliveries";

// The physical floor: what answering a delivery costs with no framework.
// It reads the body, checks the signature with our own verify.ts and
// parses the JSON, nothing else. Prints its port when listening.
const secrets = [BENCH_SECRET];

const server = createServer(async (request, response) => {
  const payload = await readAll(request);
  const headers = {
    get: (name: string) => {
      const value = request.headers[name];
      return typeof value === "string" ? value : null;
    },
  };
  const signature = verifySignature(headers, payload, secrets);
  let status = signature.ok ? 200 : 401;
  if (signature.ok) {
    try {
      JSON.parse(payload.toString("utf8"));
    } catch {
      status = 400;
    }
  }
  response.writeHead(status, { "content-type": "application/json" });
  response.end(status === 200 ? '{"success":true}' : '{"success":false}');
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.stdout.write(`listening ${port}\n`);
});

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
