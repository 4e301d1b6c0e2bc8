import { z } from "zod";
import { describeNetworkError } from "./network-error";
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
      /** The answer's `Content-Type`, when it named one. */
      contentType?: string;
      /** Where a redirect (3xx) points, resolved against the URL sent to. */
      location?: string;
    }
  | { reachable: false; error: string };

const TIMEOUT_MS = 10_000;

/**
 * POSTs a signed delivery and reads the answer. Never throws: a server that
 * cannot be reached, or answers something unexpected, is a result too.
 * Redirects are not followed: a 3xx comes back with its `location`, since
 * a sender should be pointed at the receiver's own URL.
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
      redirect: "manual",
    });
  } catch (error) {
    return { reachable: false, error: describeNetworkError(error, TIMEOUT_MS) };
  }

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The server went away after its status line: the attempt did not get
    // a whole answer, so it counts as failed, like no answer at all.
    const reason = describeNetworkError(error, TIMEOUT_MS);
    return { reachable: false, error: `answer cut short: ${reason}` };
  }

  const body = parseAnswer(text);
  return {
    reachable: true,
    status: response.status,
    outcome: outcomeOf(body, response.status),
    body,
    ...describeResponse(response, url),
  };
}

// Only the headers that were sent, so a plain answer stays a plain object.
function describeResponse(
  response: Response,
  url: string,
): { contentType?: string; location?: string } {
  const contentType = response.headers.get("content-type");
  const location = response.headers.get("location");

  return {
    ...(contentType === null ? {} : { contentType }),
    ...(location === null ? {} : { location: resolve(location, url) }),
  };
}

function resolve(location: string, url: string): string {
  return URL.canParse(location, url) ? new URL(location, url).href : location;
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
