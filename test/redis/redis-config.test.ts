import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "@/lib/config/config";

const SECRET = "config-test-secret-0123456789abcdefghij";
const load = (env: Record<string, string> = {}) =>
  loadConfig({ E2B_WEBHOOK_SECRET: SECRET, ...env });

describe("the Redis and rate-limit settings", () => {
  it("keep everything in memory and limit only failed verification by default", () => {
    const config = load();

    expect(config.redis).toBeNull();
    expect(config.failedAuthLimitPerMinute).toBe(60);
    expect(config.teamLimitPerMinute).toBeNull();
    expect(config.trustProxy).toBe(false);
  });

  it("switch to Redis with REDIS_URL, under the e2b: prefix, with a 2 s timeout", () => {
    const config = load({ REDIS_URL: "redis://cache:6379/1" });

    expect(config.redis).toEqual({
      url: "redis://cache:6379/1",
      prefix: "e2b:",
      timeoutMs: 2_000,
    });
  });

  it("take a rediss:// URL, a prefix and a timeout", () => {
    const config = load({
      REDIS_URL: "rediss://user:pw@cache.example:6380",
      WEBHOOK_REDIS_PREFIX: "staging:e2b:",
      WEBHOOK_REDIS_TIMEOUT_MS: "750",
    });

    expect(config.redis).toMatchObject({
      prefix: "staging:e2b:",
      timeoutMs: 750,
    });
  });

  it("refuse a URL of another scheme without echoing it (it may hold a password)", () => {
    const attempt = () =>
      load({ REDIS_URL: "http://user:hunter2-password@cache:6379" });

    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/REDIS_URL: expected a redis:\/\/ or rediss:\/\//);
    expect(attempt).not.toThrow(/hunter2/);
  });

  it("turn the failed-verification limit off at 0", () => {
    const config = load({ WEBHOOK_FAILED_AUTH_LIMIT_PER_MINUTE: "0" });

    expect(config.failedAuthLimitPerMinute).toBeNull();
  });

  it("warn that a per-team limit can lose events", () => {
    const config = load({ WEBHOOK_TEAM_LIMIT_PER_MINUTE: "600" });

    expect(config.teamLimitPerMinute).toBe(600);
    expect(config.warnings.join("\n")).toMatch(/429.*drops the event/);
  });

  it("trust X-Forwarded-For only when told to", () => {
    expect(load({ WEBHOOK_TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(load({ WEBHOOK_TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(() => load({ WEBHOOK_TRUST_PROXY: "yes" })).toThrow(
      /WEBHOOK_TRUST_PROXY/,
    );
  });
});
