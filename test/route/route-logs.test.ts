import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signE2b } from "@/lib/signature/sign";
import {
  configure,
  e2bHeaders,
  post,
  recentFixture,
  restoreEnvironment,
  SECRET,
} from "./deliveries";
import { loggedLines } from "./captured-log";

// Keeps every line the runtime logs, whichever part of it logs it.
vi.mock("@/lib/log/logger", async (importOriginal) => {
  const { capturing } = await import("./captured-log");
  return capturing(await importOriginal());
});

const MARKER = "body-marker-5c1e7a9b3d";
const event = JSON.parse(recentFixture("e2b-v2/01-created.json")) as Record<
  string,
  unknown
>;
const withMarker = JSON.stringify({
  ...event,
  event_data: { sandbox_metadata: { note: MARKER } },
  unknown_key: MARKER,
});
const invalid = JSON.stringify({ ...event, timestamp: MARKER });

describe.each(["pretty", "json"] as const)(
  "the %s log of deliveries",
  (format) => {
    beforeEach(() => {
      configure({
        E2B_WEBHOOK_SECRET: SECRET,
        LOG_FORMAT: format,
        LOG_LEVEL: "trace",
      });
      loggedLines.length = 0;
    });
    afterAll(restoreEnvironment);

    it("tells each outcome without the secret, a signature or the body", async () => {
      const good = e2bHeaders(withMarker);
      const forged = {
        ...e2bHeaders(withMarker),
        "e2b-signature": signE2b(
          "forger-0123456789abcdef0123456789",
          withMarker,
        ),
      };
      const unsound = e2bHeaders(invalid);

      const answers = [
        await post(withMarker, good),
        await post(withMarker, forged),
        await post(invalid, unsound),
      ];

      expect(answers.map((answer) => answer.status)).toEqual([200, 401, 400]);
      const lineOf = (message: string) =>
        loggedLines.find((line) => line.includes(`[e2b-webhook] ${message}`));
      expect(lineOf("delivery applied")).toBeDefined();
      expect(lineOf("delivery rejected: invalid_signature")).toBeDefined();
      expect(lineOf("delivery rejected: invalid_payload")).toContain(
        "timestamp: must be an RFC 3339 timestamp",
      );
      for (const line of loggedLines) expect(line).toContain("[e2b-webhook]");
      for (const secret of [
        SECRET,
        good["e2b-signature"],
        forged["e2b-signature"],
        unsound["e2b-signature"],
        MARKER,
      ]) {
        expect(loggedLines.join("\n")).not.toContain(secret);
      }
    });
  },
);
