import type { Answer } from "../send-delivery";

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
  /** Set when the server could not be reached: later checks cannot run. */
  unreachable?: boolean;
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
  if (!answer.reachable) {
    return { ok: false, detail: answer.error, unreachable: true };
  }

  const got = `${answer.status} ${answer.outcome}`;
  const message = answer.body ? ` (${answer.body.message})` : "";
  if (
    answer.status !== expected.status ||
    answer.outcome !== expected.outcome
  ) {
    const want = `${expected.status} ${expected.outcome}`;
    return { ok: false, got, detail: `expected ${want}, got ${got}${message}` };
  }

  const body = answer.body?.success ? answer.body : undefined;
  for (const key of ["eventType", "sandboxId"] as const) {
    if (expected[key] !== undefined && body?.[key] !== expected[key]) {
      const detail = `expected ${key} ${expected[key]}, got ${body?.[key]}`;
      return { ok: false, got, detail };
    }
  }

  return { ok: true, got, detail: got };
}

/** Runs checks one after another until all are done or one is unreachable. */
export async function runChecks(
  checks: readonly Check[],
  report: (check: Check, result: CheckResult) => void,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    const result = await check.run();
    results.push(result);
    report(check, result);
    if (result.unreachable) break;
  }

  return results;
}
