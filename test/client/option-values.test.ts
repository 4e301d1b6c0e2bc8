import { describe, expect, it } from "vitest";
import { attachOptionValues } from "@/lib/client/option-values";

const OPTIONS = {
  url: { type: "string" },
  secret: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;
const attach = (...args: string[]) => attachOptionValues(args, OPTIONS);

describe("attachOptionValues", () => {
  it("attaches a value starting with a dash to its option", () => {
    expect(attach("--secret", "-Ab3_x")).toEqual(["--secret=-Ab3_x"]);
  });

  it("leaves ordinary values and the = form as they are", () => {
    expect(attach("--secret", "abc", "--url=http://x/")).toEqual([
      "--secret",
      "abc",
      "--url=http://x/",
    ]);
  });

  it("never takes another option for a value", () => {
    expect(attach("--secret", "--url", "http://x/")).toEqual([
      "--secret",
      "--url",
      "http://x/",
    ]);
    expect(attach("--secret", "--url=http://x/")).toEqual([
      "--secret",
      "--url=http://x/",
    ]);
    expect(attach("--secret", "-h")).toEqual(["--secret", "-h"]);
  });

  it("leaves a flag's neighbour alone", () => {
    expect(attach("--help", "-x")).toEqual(["--help", "-x"]);
  });

  it("leaves everything after -- alone", () => {
    expect(attach("--", "--secret", "-x")).toEqual(["--", "--secret", "-x"]);
  });
});
