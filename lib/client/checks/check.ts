import type { Answer } from "../send-delivery";
import { fromReceiver, type Halt } from "./from-receiver";

/** Where the checks send their deliveries, and with which secret. */
export interface CheckTarget {
  url: string;
  secret: string;
  now: () => number;
}

export interface CheckResult {
  ok: boolean;
  /** What the receiver answered, or what went wrong. */
  detail: string;
  /** The status and outcome received, such as `401 invalid_signature`. */
  got?: string;
  /** Set when the answer was not the receiver's: later checks cannot run. */
  halt?: Halt;
}

/** One named check; checks in a list may share state and run in order. */
export interface Check {
  name: string;
  run(): Promise<CheckResult>;
}

export interface Expected {
  status: number;
  /** The outcome (`applied`, ...) or error code the receiver must give. */
  outcome: string;
  eventType?: string;
  sandboxId?: string;
}

/** Compares an answer with what the receiver must say. */
export function expectAnswer(answer: Answer, expected: Expected): CheckResult {
  const checked = fromReceiver(answer);
  if (!checked.ok) return checked;

  const { status, outcome, body } = checked.answer;
  const got = `${status} ${outcome}`;
  if (status !== expected.status || outcome !== expected.outcome) {
    const want = `${expected.status} ${expected.outcome}`;
    const detail = `expected ${want}, got ${got} (${body.message})`;
    return { ok: false, got, detail };
  }

  const success = body.success ? body : undefined;
  for (const key of ["eventType", "sandboxId"] as const) {
    if (expected[key] !== undefined && success?.[key] !== expected[key]) {
      const detail = `expected ${key} ${expected[key]}, got ${success?.[key]}`;
      return { ok: false, got, detail };
    }
  }

  return { ok: true, got, detail: got };
}

/**
 * Expects a refusal, such as 401 `invalid_signature`. A 429 `rate_limited`
 * passes too, saying so: once too many requests from one address failed
 * verification, the receiver refuses them with it instead.
 */
export function expectRefusal(answer: Answer, expected: Expected): CheckResult {
  const result = expectAnswer(answer, expected);
  if (result.ok || result.got !== "429 rate_limited") return result;

  return {
    ok: true,
    got: result.got,
    detail: `${result.got}: refused by the receiver's limit on failed verifications from this address, a rejection too`,
  };
}

/** Runs checks one after another until all are done or one halts. */
export async function runChecks(
  checks: readonly Check[],
  report: (check: Check, result: CheckResult) => void,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    const result = await check.run();
    results.push(result);
    report(check, result);
    if (result.halt) break;
  }

  return results;
}
