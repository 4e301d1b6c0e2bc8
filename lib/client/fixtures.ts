import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const FIXTURES = fileURLToPath(new URL("../../fixtures/", import.meta.url));

/** The fixture bodies the client builds deliveries from. */
export const FIXTURE = {
  e2b: {
    created: "e2b-v2/01-created.json",
    updated: "e2b-v2/02-updated.json",
    paused: "e2b-v2/03-paused.json",
    resumed: "e2b-v2/04-resumed.json",
    checkpointed: "e2b-v2/05-checkpointed.json",
    killed: "e2b-v2/06-killed.json",
  },
  legacy: {
    create: "legacy/create.json",
    kill: "legacy/kill.json",
  },
} as const;

/** The identifiers the fixtures share, to be swapped for fresh ones. */
export const FIXTURE_IDS = {
  e2bSandbox: "iu3k9x2m7q1w5e8r0t4y6",
  e2bExecutions: [
    "1dae9e1c-9957-4ce7-a236-a99d5779aadf",
    "7c1f3a2e-55b0-4e0a-9d7e-3b8f2c6d1a90",
  ],
  legacySandbox: "ib7ytj0t12tujbnxkwva0",
} as const;

/** A fixture's exact text, as a sender would put it on the wire. */
export function readFixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, "utf8");
}
