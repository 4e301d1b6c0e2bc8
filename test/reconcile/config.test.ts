import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "@/lib/config/config";

const BASE = { E2B_WEBHOOK_SECRET: "s".repeat(32) };

describe("the reconciliation settings", () => {
  it("are off without E2B_API_KEY", () => {
    expect(loadConfig(BASE).reconcile).toBeNull();
  });

  it("default to E2B's API, every 300 s, looking back a day", () => {
    const config = loadConfig({ ...BASE, E2B_API_KEY: " e2b_key " });

    expect(config.reconcile).toEqual({
      apiKey: "e2b_key",
      apiUrl: "https://api.e2b.app",
      intervalMs: 300_000,
      lookbackMs: 86_400_000,
    });
  });

  it("accept an interval of 0 (on demand only) and another API URL", () => {
    const config = loadConfig({
      ...BASE,
      E2B_API_KEY: "e2b_key",
      E2B_API_URL: "http://127.0.0.1:9000",
      E2B_RECONCILE_INTERVAL_SECONDS: "0",
      E2B_RECONCILE_LOOKBACK_SECONDS: "3600",
    });

    expect(config.reconcile).toMatchObject({
      apiUrl: "http://127.0.0.1:9000",
      intervalMs: 0,
      lookbackMs: 3_600_000,
    });
  });

  it("refuse an API URL that is not http(s), naming the variable", () => {
    expect(() =>
      loadConfig({ ...BASE, E2B_API_KEY: "k", E2B_API_URL: "ftp://x" }),
    ).toThrow(/E2B_API_URL: expected an http\(s\) URL/);
  });

  it("refuse an interval that is not a whole number", () => {
    expect(() =>
      loadConfig({ ...BASE, E2B_RECONCILE_INTERVAL_SECONDS: "5m" }),
    ).toThrow(ConfigError);
  });

  it("refuse a lookback under a minute", () => {
    expect(() =>
      loadConfig({ ...BASE, E2B_RECONCILE_LOOKBACK_SECONDS: "10" }),
    ).toThrow(/E2B_RECONCILE_LOOKBACK_SECONDS/);
  });
});
