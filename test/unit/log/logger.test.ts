import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log/logger";

function capture(format: "pretty" | "json") {
  const destination = new PassThrough();
  let text = "";
  destination.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const log = createLogger({ format, level: "info", destination });
  return { log, lines: () => text.split("\n").filter(Boolean) };
}

describe.each(["pretty", "json"] as const)("the %s logger", (format) => {
  it("writes one tagged line per entry, details included", async () => {
    const { log, lines } = capture(format);

    log.warn(
      { outcome: "invalid_signature", detail: "e2b-signature does not match" },
      "delivery rejected: invalid_signature",
    );
    log.info({ outcome: "applied" }, "delivery applied");
    await new Promise((resolve) => setImmediate(resolve));

    expect(lines()).toHaveLength(2);
    expect(lines()[0]).toContain("[e2b-webhook] delivery rejected");
    expect(lines()[0]).toContain("e2b-signature does not match");
    expect(lines()[1]).toContain("[e2b-webhook] delivery applied");
  });

  it("redacts a secret passed by mistake", async () => {
    const { log, lines } = capture(format);

    log.info({ secret: "never-print-me" }, "oops");
    await new Promise((resolve) => setImmediate(resolve));

    expect(lines().join("\n")).not.toContain("never-print-me");
  });
});
