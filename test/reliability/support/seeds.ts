import { E2B_STEPS, e2bSandbox } from "@/lib/client/e2b-events";
import { readFixture } from "@/lib/client/fixtures";
import { LEGACY_LABELS, legacySandbox } from "@/lib/client/legacy-events";
import { shiftTimes } from "@/lib/client/rewrite-body";

const HOUR_MS = 3_600_000;

/**
 * Valid bodies of every accepted shape, stamped an hour ago so the replay
 * guard takes them: E2B's snake_case lifecycle of two sandboxes, the events
 * API's camelCase records, and the setup guide's legacy labels.
 */
export function seedBodies(nowMs: number = Date.now()): string[] {
  const startMs = nowMs - HOUR_MS;
  const e2b = [0, 1].flatMap((i) => {
    const sandbox = e2bSandbox({ startMs: startMs + i * 60_000 });
    return E2B_STEPS.map((step) => sandbox.body(step));
  });

  const records = JSON.parse(readFixture("e2b-api/events-page.json")) as {
    timestamp: string;
  }[];
  const camel = records.map((record) => {
    const text = JSON.stringify(record);
    const shift = Math.floor((startMs - Date.parse(record.timestamp)) / 1000);
    return shiftTimes(text, shift);
  });

  const legacy = legacySandbox();
  const labels = LEGACY_LABELS.map((label, i) =>
    legacy.body(label, startMs + i * 1_000),
  );

  return [...e2b, ...camel, ...labels];
}
