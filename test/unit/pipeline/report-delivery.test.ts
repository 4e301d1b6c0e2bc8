import { describe, expect, it } from "vitest";
import type { PayloadIssue } from "@/lib/events/normalise";
import { describeDelivery, logDelivery } from "@/lib/pipeline/report-delivery";
import { failure } from "@/lib/pipeline/result";
import { memoryLogger } from "../helpers/events";

function logRejection(issues: PayloadIssue[]) {
  const { logger, lines } = memoryLogger();
  const result = failure("invalid_payload", "not an event", { issues });
  const report = describeDelivery(new Headers(), result, undefined, {
    receivedAtMs: 0,
    durationMs: 1,
  });

  logDelivery(logger, report, result);
  return lines as { msg: string; detail?: string }[];
}

describe("the log line of an invalid_payload rejection", () => {
  it("names each failing field and what is wrong with it", () => {
    const lines = logRejection([
      { path: "sandbox_id", message: "must not be empty" },
      { path: "timestamp", message: "must be an RFC 3339 timestamp" },
    ]);

    expect(lines).toEqual([
      expect.objectContaining({
        msg: "delivery rejected: invalid_payload",
        detail:
          "sandbox_id: must not be empty; timestamp: must be an RFC 3339 timestamp",
      }),
    ]);
  });

  it("calls the body itself 'body'", () => {
    const [line] = logRejection([
      { path: "", message: "the body must be a JSON object" },
    ]);

    expect(line?.detail).toBe("body: the body must be a JSON object");
  });

  it("stays short however many issues or however long a path", () => {
    const many = Array.from({ length: 8 }, (_, i) => ({
      path: `${"k".repeat(1000)}${i}`,
      message: "must be a string",
    }));

    const [line] = logRejection(many);

    expect(line?.detail?.split("; ")).toHaveLength(6);
    expect(line?.detail).toMatch(/; 3 more$/);
    expect(line?.detail?.length).toBeLessThan(500);
  });
});
