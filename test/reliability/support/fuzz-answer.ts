import { POST } from "@/app/api/webhooks/e2b/route";
import type { FuzzCase } from "./fuzz-target";

const URL = "http://localhost:3000/api/webhooks/e2b";
// The only 5xx answers a delivery may get: no secret, or no store.
const SERVER_CODES = new Set(["not_configured", "unavailable"]);
const FORGED_STATUSES = new Set([401, 413, 429]);
const AUTHENTIC_STATUSES = new Set([200, 400, 413]);

export interface Answer {
  status: number;
  code: string;
  json: boolean;
}

/** Calls the exported handler as Next.js would, and reads its answer. */
export async function send(fuzzCase: FuzzCase): Promise<Answer> {
  const init: RequestInit & { duplex?: "half" } = {
    method: "POST",
    headers: fuzzCase.headers,
    body: fuzzCase.chunks > 1 ? chunked(fuzzCase) : Buffer.from(fuzzCase.body),
    duplex: "half",
  };
  const response = await POST(new Request(URL, init));
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { outcome?: string; error?: string };
    return {
      status: response.status,
      code: String(body.outcome ?? body.error),
      json: true,
    };
  } catch {
    return { status: response.status, code: "not-json", json: false };
  }
}

function chunked({ body, chunks }: FuzzCase): ReadableStream<Buffer> {
  const size = Math.max(1, Math.ceil(body.length / chunks));
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < body.length; i += size) {
        controller.enqueue(Buffer.from(body.subarray(i, i + size)));
      }
      controller.close();
    },
  });
}

/** What is wrong with an answer, for a forged or an authentic delivery. */
export function checkAnswer(answer: Answer, authentic: boolean): string[] {
  const violations: string[] = [];
  if (!answer.json) violations.push(`answer ${answer.status} is not JSON`);
  if (answer.status >= 500 && !SERVER_CODES.has(answer.code)) {
    violations.push(`answered ${answer.status} ${answer.code}`);
  }
  const allowed = authentic ? AUTHENTIC_STATUSES : FORGED_STATUSES;
  if (!allowed.has(answer.status)) {
    const kind = authentic ? "an authentic" : "a forged";
    violations.push(`${kind} delivery got ${answer.status} ${answer.code}`);
  }
  return violations;
}
