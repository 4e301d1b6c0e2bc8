import { e2bSandbox, E2B_STEPS, type E2bStep } from "../e2b-events";
import { eventTimeMs } from "../rewrite-body";
import { sendDelivery } from "../send-delivery";
import { redeliver, signDelivery, type SignedDelivery } from "../sign-delivery";
import { expectAnswer, type Check, type CheckTarget } from "./check";

const HOUR = 3_600_000;

/**
 * A whole lifecycle in E2B's current shape, signed with `e2b-signature`,
 * then a retried delivery (duplicate) and a late event after the kill
 * (stale). The checks share one fresh sandbox and must run in order.
 */
export function e2bChecks(target: CheckTarget): Check[] {
  const sandbox = e2bSandbox({ startMs: target.now() - 2 * HOUR });
  const sign = (body: string): SignedDelivery =>
    signDelivery(body, { secret: target.secret, scheme: "e2b" });
  const sent = new Map<E2bStep, SignedDelivery>();
  const expected = (step: E2bStep, outcome: string) => ({
    status: 200,
    outcome,
    eventType: `sandbox.lifecycle.${step}`,
    sandboxId: sandbox.sandboxId,
  });

  const lifecycle = E2B_STEPS.map((step): Check => ({
    name: `e2b: ${step} is applied`,
    run: async () => {
      const delivery = sign(sandbox.body(step));
      sent.set(step, delivery);
      const answer = await sendDelivery(target.url, delivery);
      return expectAnswer(answer, expected(step, "applied"));
    },
  }));

  return [
    ...lifecycle,
    {
      name: "e2b: a retried delivery (same bytes) is a duplicate",
      run: async () => {
        const killed = sent.get("killed");
        if (!killed) return { ok: false, detail: "killed was never sent" };
        const answer = await sendDelivery(target.url, redeliver(killed));
        return expectAnswer(answer, expected("killed", "duplicate"));
      },
    },
    {
      name: "e2b: a late event after the kill is stale",
      run: async () => {
        const killedAt = eventTimeMs(sandbox.body("killed"));
        const late = sign(sandbox.body("updated", killedAt - 60_000));
        const answer = await sendDelivery(target.url, late);
        return expectAnswer(answer, expected("updated", "stale"));
      },
    },
  ];
}
