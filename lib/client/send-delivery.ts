import { z } from "zod";
import type { SignedDelivery } from "./sign-delivery";

const answerBody = z.union([
  z.object({
    success: z.literal(true),
    outcome: z.string(),
    message: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    sandboxId: z.string(),
    timestamp: z.string(),
  }),
  z.object({
    success: z.literal(false),
    error: z.string(),
    message: z.string(),
  }),
]);

/** The receiver's JSON answer, when it gave one of the documented shape. */
export type AnswerBody = z.infer<typeof answerBody>;

/** What came back from one delivery attempt. */
export type Answer =
  | {
      reachable: true;
      status: number;
      /** The outcome (`applied`, ...) or error code, else `HTTP <status>`. */
      outcome: string;
      body: AnswerBody | null;
    }
  | { reachable: false; error: string };

const TIMEOUT_MS = 10_000;

/**
 * POSTs a signed delivery and reads the answer. Never throws: a server that
 * cannot be reached, or answers something unexpected, is a result too.
 */
export async function sendDelivery(
  url: string,
  delivery: SignedDelivery,
): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: delivery.headers,
      body: Buffer.from(delivery.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    return { reachable: false, error: describeNetworkError(error) };
  }

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The server went away after its status line: the attempt did not get
    // a whole answer, so it counts as failed, like no answer at all.
    const reason = describeNetworkError(error);
    return { reachable: false, error: `answer cut short: ${reason}` };
  }

  const body = parseAnswer(text);
  return {
    reachable: true,
    status: response.status,
    outcome: outcomeOf(body, response.status),
    body,
  };
}

function outcomeOf(body: AnswerBody | null, status: number): string {
  if (!body) return `HTTP ${status}`;

  return body.success ? body.outcome : body.error;
}

function parseAnswer(text: string): AnswerBody | null {
  try {
    const parsed = answerBody.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// fetch wraps the useful part (ECONNREFUSED, ENOTFOUND) in `cause`.
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = "code" in cause ? String(cause.code) : "";
    return cause.message.includes(code)
      ? cause.message
      : `${cause.message} (${code})`;
  }

  return error.name === "TimeoutError"
    ? `no answer within ${TIMEOUT_MS / 1000} s`
    : error.message;
}
