import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { getRuntime, resetRuntime } from "@/lib/runtime";
import { ROOT } from "../../scripts/support/production-build";
import { filesContaining } from "./support/find-in-files";

// An object, not a function of the build phase: a function could hide keys.
const nextConfig = z.looseObject({
  output: z.string(),
  compiler: z.record(z.string(), z.unknown()).optional(),
});

// runtime-config.test.ts builds with no secret and sets one afterwards, so
// it cannot see a value the build would inline if one were present. These
// checks close that gap at the source: nothing may ask Next.js to inline.
describe("nothing asks the build to inline configuration", () => {
  it("next.config.mjs has no env key and no compile-time defines", async () => {
    const url = pathToFileURL(join(ROOT, "next.config.mjs")).href;
    const config = nextConfig.parse((await import(url)).default);
    const compiler = Object.keys(config.compiler ?? {});

    expect(config.output).toBe("standalone");
    expect(Object.keys(config)).not.toContain("env");
    expect(compiler).not.toContain("define");
    expect(compiler).not.toContain("defineServer");
  });

  it("no NEXT_PUBLIC_ variable is named in the app's code", () => {
    const sources = ["app", "lib", "components", "instrumentation.ts"];
    const named = sources.flatMap((source) =>
      filesContaining(join(ROOT, source), ["NEXT_PUBLIC_"]).map((file) =>
        join(source, file),
      ),
    );

    expect(named).toEqual([]);
  });
});

describe("the server's configuration", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetRuntime();
  });

  function secretAfterStart(secret: string): string | undefined {
    vi.stubEnv("LOG_LEVEL", "silent");
    vi.stubEnv("E2B_WEBHOOK_SECRET", secret);
    resetRuntime();
    return getRuntime().config.secrets[0];
  }

  it("takes the secret from process.env as the server starts", () => {
    const s1 = randomBytes(24).toString("hex");
    const s2 = randomBytes(24).toString("hex");

    expect(secretAfterStart(s1)).toBe(s1);
    expect(secretAfterStart(s2)).toBe(s2);
  });
});
