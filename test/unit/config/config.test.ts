import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "@/lib/config/config";

const SECRET = "Yk3tq8ZrVwP0sN5mL2hJ7dF4gB9cX1aE";
const PREVIOUS = "Pq9wE2rT5yU8iO1pA4sD7fG0hJ3kL6zX";

describe("configuration defaults", () => {
  it("has the documented default for every core setting", () => {
    expect(loadConfig({ E2B_WEBHOOK_SECRET: SECRET })).toMatchObject({
      secrets: [SECRET],
      maxBodyBytes: 262_144,
      maxEventAgeMs: 86_400_000,
      tombstoneTtlMs: 86_400_000,
      tombstoneMaxEntries: 100_000,
      idempotencyMaxEntries: 100_000,
      logFormat: "pretty",
      logLevel: "info",
      warnings: [],
    });
  });

  it("logs JSON in production unless LOG_FORMAT says otherwise", () => {
    expect(loadConfig({ NODE_ENV: "production" }).logFormat).toBe("json");
    expect(
      loadConfig({ NODE_ENV: "production", LOG_FORMAT: "pretty" }).logFormat,
    ).toBe("pretty");
  });

  it("reads whole numbers, ignoring surrounding whitespace", () => {
    const config = loadConfig({
      WEBHOOK_MAX_BODY_BYTES: " 2048 ",
      WEBHOOK_MAX_EVENT_AGE_SECONDS: "60",
      WEBHOOK_TOMBSTONE_TTL_SECONDS: "120",
    });

    expect(config).toMatchObject({
      maxBodyBytes: 2048,
      maxEventAgeMs: 60_000,
      tombstoneTtlMs: 120_000,
    });
  });

  it("takes a blank number as its default", () => {
    expect(loadConfig({ WEBHOOK_MAX_BODY_BYTES: "  " }).maxBodyBytes).toBe(
      262_144,
    );
  });

  it("turns the replay guard off at WEBHOOK_MAX_EVENT_AGE_SECONDS=0, with a warning", () => {
    const config = loadConfig({ WEBHOOK_MAX_EVENT_AGE_SECONDS: "0" });

    expect(config.maxEventAgeMs).toBeNull();
    expect(config.warnings).toContainEqual(
      expect.stringContaining("replay guard off"),
    );
  });

  it("warns when tombstones expire before the replay window closes", () => {
    const config = loadConfig({
      WEBHOOK_MAX_EVENT_AGE_SECONDS: "7200",
      WEBHOOK_TOMBSTONE_TTL_SECONDS: "3600",
    });

    expect(config.warnings).toContainEqual(
      expect.stringContaining("WEBHOOK_TOMBSTONE_TTL_SECONDS is shorter"),
    );
  });
});

describe("invalid settings", () => {
  it("refuse a password in E2B_API_URL without printing it", () => {
    const load = () => loadConfig({ E2B_API_URL: "https://u:hunter2@e2b.dev" });

    expect(load).toThrow(/E2B_API_URL: expected no user name or password/);
    expect(load).not.toThrow(/hunter2/);
  });

  it.each([
    ["WEBHOOK_MAX_BODY_BYTES", "lots"],
    ["WEBHOOK_MAX_BODY_BYTES", "1023"],
    ["WEBHOOK_MAX_BODY_BYTES", "1e6"],
    ["WEBHOOK_MAX_BODY_BYTES", "99999999999"],
    ["WEBHOOK_MAX_EVENT_AGE_SECONDS", "-1"],
    ["WEBHOOK_MAX_EVENT_AGE_SECONDS", "1.5"],
    ["WEBHOOK_TOMBSTONE_TTL_SECONDS", "0"],
    ["WEBHOOK_TOMBSTONE_MAX_ENTRIES", "0"],
    ["WEBHOOK_IDEMPOTENCY_MAX_ENTRIES", "ten"],
    ["LOG_FORMAT", "xml"],
    ["LOG_LEVEL", "verbose"],
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["KEEP_ALIVE_TIMEOUT", "5s"],
  ])("throw ConfigError naming %s (given %s)", (name, value) => {
    const load = () => loadConfig({ [name]: value });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      new RegExp(`${name}: expected .*"${value.replace(".", "\\.")}"`),
    );
  });

  it("are all named at once", () => {
    const load = () =>
      loadConfig({ WEBHOOK_MAX_BODY_BYTES: "x", LOG_LEVEL: "loud" });

    expect(load).toThrow(/WEBHOOK_MAX_BODY_BYTES[\s\S]*LOG_LEVEL/);
  });
});

describe("secrets", () => {
  it("are refused altogether when E2B_WEBHOOK_SECRET is unset or blank", () => {
    for (const secret of [undefined, "", " \t\n"]) {
      const config = loadConfig({ E2B_WEBHOOK_SECRET: secret });

      expect(config.secrets).toEqual([]);
      expect(config.warnings).toContainEqual(
        expect.stringContaining("E2B_WEBHOOK_SECRET is not set"),
      );
    }
  });

  it("are trimmed, with a warning that never shows the value", () => {
    const config = loadConfig({ E2B_WEBHOOK_SECRET: `  ${SECRET}\n` });

    expect(config.secrets).toEqual([SECRET]);
    expect(config.warnings).toEqual([
      "E2B_WEBHOOK_SECRET had surrounding whitespace; it was trimmed",
    ]);
  });

  it("shorter than 32 characters are accepted with a warning", () => {
    const config = loadConfig({ E2B_WEBHOOK_SECRET: SECRET.slice(0, 31) });

    expect(config.secrets).toEqual([SECRET.slice(0, 31)]);
    expect(config.warnings).toEqual([
      "E2B_WEBHOOK_SECRET is shorter than 32 characters; E2B asks for 32 or more",
    ]);
  });

  it("include the previous secret, trimmed, after the current one", () => {
    const config = loadConfig({
      E2B_WEBHOOK_SECRET: SECRET,
      E2B_WEBHOOK_SECRET_PREVIOUS: ` ${PREVIOUS}`,
    });

    expect(config.secrets).toEqual([SECRET, PREVIOUS]);
    expect(config.warnings).toEqual([
      "E2B_WEBHOOK_SECRET_PREVIOUS had surrounding whitespace; it was trimmed",
    ]);
  });

  it("leave out a blank previous secret", () => {
    const config = loadConfig({
      E2B_WEBHOOK_SECRET: SECRET,
      E2B_WEBHOOK_SECRET_PREVIOUS: "  ",
    });

    expect(config.secrets).toEqual([SECRET]);
  });

  it("are refused when only the previous secret is set", () => {
    expect(
      loadConfig({ E2B_WEBHOOK_SECRET_PREVIOUS: PREVIOUS }).secrets,
    ).toEqual([]);
  });

  it("never appear in a warning", () => {
    const config = loadConfig({
      E2B_WEBHOOK_SECRET: " s3cr3t-Zq7 ",
      E2B_WEBHOOK_SECRET_PREVIOUS: " pr3v-Xw9 ",
    });

    expect(config.warnings).toHaveLength(4);
    expect(config.warnings.join("\n")).not.toMatch(/s3cr3t|pr3v/);
  });
});
