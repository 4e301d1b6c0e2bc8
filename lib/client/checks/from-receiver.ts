import type { Answer, AnswerBody } from "../send-delivery";

/** Why the checks stopped: no later check could tell anything more. */
export type Halt =
  | { kind: "unreachable" }
  | { kind: "redirected"; status: number; location?: string }
  | { kind: "not_receiver"; status: number; contentType: string }
  | { kind: "not_webhook"; status: number; error: string };

// The receiver's answers for a path that is not its webhook endpoint, or a
// method that endpoint does not take: never what a POST to it gets.
const WRONG_ENDPOINT = new Set(["not_found", "method_not_allowed"]);

/** A failed check that stops the run, with the reason for its last words. */
export interface HaltingResult {
  ok: false;
  detail: string;
  got?: string;
  halt: Halt;
}

/** An answer in the receiver's own JSON shape. */
export interface ReceiverAnswer {
  status: number;
  outcome: string;
  body: AnswerBody;
}

/**
 * Whether an answer came from the receiver at all. No answer, a redirect
 * (never followed, so the sender learns the receiver's own URL), a body
 * that is not the receiver's JSON, or the receiver saying this is not its
 * webhook endpoint each halt the checks.
 */
export function fromReceiver(
  answer: Answer,
): { ok: true; answer: ReceiverAnswer } | HaltingResult {
  if (!answer.reachable) {
    return { ok: false, detail: answer.error, halt: { kind: "unreachable" } };
  }

  const { status, outcome, body } = answer;
  const got = `${status} ${outcome}`;
  if (status >= 300 && status < 400) {
    const { location } = answer;
    const halt: Halt = { kind: "redirected", status, location };
    const detail = `redirected to ${location ?? "nowhere (no Location)"}`;
    return { ok: false, got, detail, halt };
  }

  if (body === null) {
    const contentType = answer.contentType ?? "no Content-Type";
    const halt: Halt = { kind: "not_receiver", status, contentType };
    const detail = `HTTP ${status} (${contentType}), not the receiver's JSON answer`;
    return { ok: false, got, detail, halt };
  }

  if (!body.success && WRONG_ENDPOINT.has(body.error)) {
    const halt: Halt = { kind: "not_webhook", status, error: body.error };
    const detail = `${got}: not the receiver's webhook endpoint`;
    return { ok: false, got, detail, halt };
  }

  return { ok: true, answer: { status, outcome, body } };
}
