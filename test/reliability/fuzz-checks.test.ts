import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { restoreEnvironment, useEnvironment } from "./support/environment";
import { checkAnswer } from "./support/fuzz-answer";
import { FUZZ_ENV, FuzzTarget } from "./support/fuzz-target";
import { seedBodies } from "./support/seeds";
import { forgedSignature } from "./support/signatures";

// A receiver that takes every signature: what the fuzz checks must catch.
vi.mock("@/lib/signature/verify", async (original) => ({
  ...(await original<typeof import("@/lib/signature/verify")>()),
  verifySignature: () => ({
    ok: true,
    scheme: "e2b",
    header: "e2b-signature",
    secretIndex: 0,
  }),
}));

const seeds = seedBodies();

describe("the fuzz checks catch what they look for", () => {
  beforeAll(() => useEnvironment(FUZZ_ENV));
  afterAll(() => restoreEnvironment());

  it("flags a forged delivery that a broken verifier lets into the registry", async () => {
    const target = new FuzzTarget(seeds);
    const body = Buffer.from(seeds[0] ?? "")
      .toString()
      .replace(/"id":"[^"]*"/, '"id":"8c1f0e4e-0000-4000-8000-000000000001"');
    const bytes = Buffer.from(body);

    const violations = await target.run({
      body: bytes,
      headers: forgedSignature(bytes, "wrong-secret", "", 0),
      chunks: 1,
    });

    expect(violations).toContain(
      "an unauthenticated delivery reached the registry",
    );
    expect(violations).toContainEqual(
      expect.stringMatching(/^a forged delivery got 200 /),
    );
  });

  it("flags a key planted on Object.prototype while a case runs", async () => {
    const target = new FuzzTarget(seeds);
    await target.reset();
    const body = Buffer.from("{}");
    Object.defineProperty(Object.prototype, "polluted", {
      value: "yes",
      configurable: true,
    });
    try {
      const violations = await target.run({ body, headers: [], chunks: 1 });
      expect(violations).toContain("a built-in prototype changed");
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });

  it("flags a 5xx other than not_configured or unavailable, and an answer that is not JSON", () => {
    expect(
      checkAnswer({ status: 500, code: "internal", json: true }, true),
    ).toContain("answered 500 internal");
    expect(
      checkAnswer({ status: 503, code: "unavailable", json: true }, true),
    ).not.toContain("answered 503 unavailable");
    expect(
      checkAnswer({ status: 200, code: "x", json: false }, true),
    ).toContain("answer 200 is not JSON");
  });
});
