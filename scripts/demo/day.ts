import { DayPlan } from "./day-plan";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A day of deliveries for five sandboxes, ending now: both dialects, E2B's
 * retries (the same bytes again), arrivals out of order, a forged request
 * and a late event after a kill. Every outcome printed is the server's.
 */
export function planDay(secret: string, nowMs: number): DayPlan {
  const plan = new DayPlan(secret);
  const ago = (ms: number) => nowMs - ms;

  // A whole E2B lifecycle, ended by its timeout.
  const landing = plan.e2b("landing-page", ago(9 * HOUR));
  plan.send(landing("created"));
  const updated = landing("updated");
  plan.send(updated);
  plan.retry(updated, "E2B retry: same bytes, new delivery id");
  plan.send(landing("paused"));
  const resumed = landing("resumed");
  plan.send(landing("checkpointed"), "arrived before the resume it follows");
  plan.send(resumed, "arrived after the checkpoint");
  const killed = landing("killed");
  plan.send(killed);
  plan.retry(killed, "E2B retry of the kill");
  plan.send(
    landing("updated", killed.atMs - 5 * MINUTE),
    "sent before the kill, arrived after it",
  );

  // An app still on the setup guide's body and X-E2B-Signature.
  const guide = plan.legacy("setup-guide-app");
  const created = guide("create", ago(7 * HOUR));
  plan.send(created);
  plan.retry(created, "retry: same bytes");
  plan.send(guide("kill", ago(6.5 * HOUR)));

  // Its update overtakes its create; it ends the day paused.
  const pipeline = plan.e2b("data-pipeline", ago(5 * HOUR), {
    "landing-page": "data-pipeline",
    "user-42": "user-7",
  });
  const pipelineCreated = pipeline("created");
  plan.send(pipeline("updated"), "arrived before its create");
  plan.send(pipelineCreated, "arrived after its update");
  plan.send(pipeline("paused"));

  // A pause delayed past the resume that followed it.
  const preview = plan.legacy("preview");
  plan.send(preview("create", ago(2 * HOUR)));
  const paused = preview("pause", ago(1.5 * HOUR));
  plan.send(preview("resume", ago(1 * HOUR)));
  plan.send(paused, "delayed past the resume: state stays running");

  // Started minutes ago; its timeout ends it soon.
  const notebook = plan.e2b("notebook", ago(20 * MINUTE), {
    "landing-page": "notebook",
    "user-42": "user-3",
  });
  const notebookCreated = notebook("created");
  plan.forge(notebookCreated, "forged: signed without our secret");
  plan.send(notebookCreated);
  plan.send(notebook("updated"));

  return plan;
}
