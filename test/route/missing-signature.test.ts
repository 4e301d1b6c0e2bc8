import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  configure,
  post,
  recentFixture,
  restoreEnvironment,
  SECRET,
} from "./deliveries";

const CREATED = recentFixture("e2b-v2/01-created.json");

afterAll(restoreEnvironment);

describe("a delivery without a signature header", () => {
  beforeEach(() => configure({ E2B_WEBHOOK_SECRET: SECRET }));

  it("is told every header name the receiver accepts", async () => {
    const answer = await post(CREATED, { "content-type": "application/json" });

    expect(answer.body).toMatchObject({ error: "missing_signature" });
    const message = String(answer.body.message).toLowerCase();
    for (const header of [
      "e2b-signature",
      "x-e2b-signature",
      "x-webhook-signature",
    ]) {
      expect(message).toMatch(new RegExp(`(^|[^-])${header}\\b`));
    }
  });
});
