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

  it("keeps an error on the entry's line, tagged, with its message", async () => {
    const { log, lines } = capture(format);
    const error = new Error("connect ECONNREFUSED 127.0.0.1:6379", {
      cause: new TypeError("socket closed\nby peer"),
    });

    log.error({ err: error, eventId: "e-1" }, "sandbox listener failed");
    await new Promise((resolve) => setImmediate(resolve));

    expect(error.stack?.split("\n").length).toBeGreaterThan(2);
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toContain("[e2b-webhook] sandbox listener failed");
    expect(lines()[0]).toContain("connect ECONNREFUSED 127.0.0.1:6379");
    expect(lines()[0]).toContain("e-1");
  });

  it("tags an entry logged with no message of its own", async () => {
    const { log, lines } = capture(format);

    log.error(new Error("two\nlines"));
    log.warn({ err: new AggregateError([new Error("refused")]) });
    log.info("a message\nover two lines");
    await new Promise((resolve) => setImmediate(resolve));

    expect(lines()).toHaveLength(3);
    for (const line of lines()) expect(line).toContain("[e2b-webhook]");
    expect(lines()[0]).toMatch(/two.lines/);
    expect(lines()[1]).toContain("refused");
  });

  it("redacts a secret passed by mistake", async () => {
    const { log, lines } = capture(format);

    log.info({ secret: "never-print-me" }, "oops");
    await new Promise((resolve) => setImmediate(resolve));

    expect(lines().join("\n")).not.toContain("never-print-me");
  });
});

describe("the pretty logger's error", () => {
  it("reads as name, code, message, first frame and cause", async () => {
    const { log, lines } = capture("pretty");
    const error = Object.assign(
      new Error("broken", { cause: new RangeError("too far") }),
      { code: "E_BROKEN" },
    );

    log.warn({ err: error }, "delivery log unavailable");
    await new Promise((resolve) => setImmediate(resolve));

    expect(lines()[0]).toMatch(
      /\[e2b-webhook\] delivery log unavailable \| Error \[E_BROKEN\]: broken \(at .*logger\.test\.ts:\d+:\d+\)+; caused by RangeError: too far/,
    );
  });
});
