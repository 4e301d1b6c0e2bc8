import { randomBytes } from "node:crypto";
import { e2bSandbox, type E2bStep } from "../../lib/client/e2b-events";
import {
  legacySandbox,
  type LegacyLabel,
} from "../../lib/client/legacy-events";
import { eventTimeMs } from "../../lib/client/rewrite-body";
import {
  redeliver,
  signDelivery,
  type SignedDelivery,
  type SigningScheme,
} from "../../lib/client/sign-delivery";

/** One delivery of the demo day, with what the printout says about it. */
export interface PlannedDelivery {
  delivery: SignedDelivery;
  scheme: SigningScheme;
  /** The demo's name for the sandbox, such as `landing-page`. */
  name: string;
  sandboxId: string;
  /** The step or label, as its dialect names it. */
  event: string;
  atMs: number;
  note?: string;
}

export interface PlannedSandbox {
  name: string;
  sandboxId: string;
}

/** Collects the day's deliveries in the order they will arrive. */
export class DayPlan {
  readonly deliveries: PlannedDelivery[] = [];
  readonly sandboxes: PlannedSandbox[] = [];
  readonly #secret: string;

  constructor(secret: string) {
    this.#secret = secret;
  }

  /** A sandbox speaking E2B's current dialect; see `e2bSandbox`. */
  e2b(name: string, startMs: number, replace?: Record<string, string>) {
    const sandbox = e2bSandbox({ startMs, replace });
    this.sandboxes.push({ name, sandboxId: sandbox.sandboxId });
    return (step: E2bStep, atMs?: number) =>
      this.#plan(
        "e2b",
        name,
        sandbox.sandboxId,
        step,
        sandbox.body(step, atMs),
      );
  }

  /** A sandbox reported in the setup guide's legacy dialect. */
  legacy(name: string) {
    const sandbox = legacySandbox();
    this.sandboxes.push({ name, sandboxId: sandbox.sandboxId });
    return (label: LegacyLabel, atMs: number) =>
      this.#plan(
        "hmac",
        name,
        sandbox.sandboxId,
        label,
        sandbox.body(label, atMs),
      );
  }

  send(planned: PlannedDelivery, note?: string): void {
    this.deliveries.push({ ...planned, note });
  }

  /** The same bytes again, as the sender retries an attempt. */
  retry(planned: PlannedDelivery, note: string): void {
    this.send({ ...planned, delivery: redeliver(planned.delivery) }, note);
  }

  /** The same body signed with a secret that is not ours. */
  forge(planned: PlannedDelivery, note: string): void {
    const secret = randomBytes(32).toString("base64url");
    const delivery = signDelivery(planned.delivery.body, {
      secret,
      scheme: planned.scheme,
    });
    this.send({ ...planned, delivery }, note);
  }

  #plan(
    scheme: SigningScheme,
    name: string,
    sandboxId: string,
    event: string,
    body: string,
  ): PlannedDelivery {
    const delivery = signDelivery(body, { secret: this.#secret, scheme });
    return {
      delivery,
      scheme,
      name,
      sandboxId,
      event,
      atMs: eventTimeMs(body),
    };
  }
}
