import {
  legacySandbox,
  LEGACY_LABELS,
  type LegacyLabel,
} from "../legacy-events";
import { sendDelivery } from "../send-delivery";
import { signDelivery, type SignedDelivery } from "../sign-delivery";
import {
  expectAnswer,
  expectRefusal,
  type Check,
  type CheckResult,
  type CheckTarget,
} from "./check";

const MINUTE = 60_000;

const TYPE_OF_LABEL: Record<LegacyLabel, string> = {
  create: "sandbox.lifecycle.created",
  update: "sandbox.lifecycle.updated",
  pause: "sandbox.lifecycle.paused",
  resume: "sandbox.lifecycle.resumed",
  kill: "sandbox.lifecycle.killed",
};

/**
 * The setup guide's five checks, in its legacy body shape signed with a hex
 * HMAC in `X-E2B-Signature`. Each uses a fresh sandbox, so the checks can run
 * again and again against the same server.
 */
export function legacyChecks(target: CheckTarget): Check[] {
  const sign = (body: string): SignedDelivery =>
    signDelivery(body, { secret: target.secret, scheme: "hmac" });
  const send = (delivery: SignedDelivery) => sendDelivery(target.url, delivery);

  // Sends one label's body for a sandbox and expects it applied.
  const applied = async (
    sandbox: ReturnType<typeof legacySandbox>,
    label: LegacyLabel,
    atMs: number,
  ): Promise<CheckResult> =>
    expectAnswer(await send(sign(sandbox.body(label, atMs))), {
      status: 200,
      outcome: "applied",
      eventType: TYPE_OF_LABEL[label],
      sandboxId: sandbox.sandboxId,
    });
  const sandbox = legacySandbox();
  const start = target.now() - 10 * MINUTE;
  const fresh = () => legacySandbox().body("create", target.now() - MINUTE);

  return [
    {
      name: "legacy: create is applied",
      run: () => applied(sandbox, "create", start),
    },
    {
      name: "legacy: kill is applied",
      run: () => applied(sandbox, "kill", start + MINUTE),
    },
    {
      name: "legacy: a wrong signature is rejected",
      run: async () =>
        expectRefusal(await send(tamperSignature(sign(fresh()))), {
          status: 401,
          outcome: "invalid_signature",
        }),
    },
    {
      name: "legacy: a malformed payload is rejected",
      run: async () =>
        expectAnswer(await send(sign(withoutSandboxId(fresh()))), {
          status: 400,
          outcome: "invalid_payload",
        }),
    },
    {
      name: "legacy: every lifecycle event is applied",
      run: async () => {
        const other = legacySandbox();
        const first = target.now() - LEGACY_LABELS.length * MINUTE;
        for (const [index, label] of LEGACY_LABELS.entries()) {
          const result = await applied(other, label, first + index * MINUTE);
          if (!result.ok)
            return { ...result, detail: `${label}: ${result.detail}` };
        }
        return { ok: true, detail: `${LEGACY_LABELS.join(", ")}: 200 applied` };
      },
    },
  ];
}

// One changed input: the right body and secret, one hex digit off.
function tamperSignature(delivery: SignedDelivery): SignedDelivery {
  const signature = delivery.headers["X-E2B-Signature"] ?? "";
  const last = signature.endsWith("0") ? "1" : "0";
  const headers = {
    ...delivery.headers,
    "X-E2B-Signature": `${signature.slice(0, -1)}${last}`,
  };

  return { body: delivery.body, headers };
}

// Negative input only: re-serialising is fine for a body meant to fail.
function withoutSandboxId(body: string): string {
  const parsed = JSON.parse(body) as Record<string, unknown>;
  delete parsed.sandboxId;

  return JSON.stringify(parsed);
}
