import { afterEach, describe, expect, it } from "vitest";
import { GET as getMetrics } from "@/app/api/metrics/route";
import { configure, restore } from "./support/environment";
import { adminGet, deliver } from "./support/requests";

const SANDBOX = "imetrics000000000001";

async function scrape(): Promise<{ type: string | null; text: string }> {
  const response = await getMetrics(adminGet("/api/metrics"));
  expect(response.status).toBe(200);
  return {
    type: response.headers.get("content-type"),
    text: await response.text(),
  };
}

afterEach(restore);

describe("GET /api/metrics", () => {
  it("answers in the Prometheus text format", async () => {
    configure();

    const { type } = await scrape();

    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it("counts deliveries by outcome, status and event type", async () => {
    configure();
    await deliver("created", SANDBOX);
    await deliver("paused", SANDBOX);
    await deliver("paused", SANDBOX, { at: new Date(Date.now() - 60_000) });

    const { text } = await scrape();

    expect(text).toContain(
      'e2b_webhook_deliveries_total{outcome="applied",status="200",event_type="sandbox.lifecycle.created"} 1',
    );
    expect(text).toContain(
      'e2b_webhook_deliveries_total{outcome="applied",status="200",event_type="sandbox.lifecycle.paused"} 1',
    );
    expect(text).toContain(
      'e2b_webhook_deliveries_total{outcome="stale",status="200",event_type="sandbox.lifecycle.paused"} 1',
    );
  });

  it("labels an event type it does not know as other", async () => {
    configure();
    await deliver("sandbox.lifecycle.snapshotted", SANDBOX);

    const { text } = await scrape();

    expect(text).toContain(
      'e2b_webhook_deliveries_total{outcome="ignored",status="200",event_type="other"} 1',
    );
  });

  it("observes handling time in a histogram", async () => {
    configure();
    await deliver("created", SANDBOX);

    const { text } = await scrape();

    expect(text).toContain(
      'e2b_webhook_delivery_duration_seconds_count{outcome="applied"} 1',
    );
    expect(text).toContain(
      'e2b_webhook_delivery_duration_seconds_bucket{le="+Inf",outcome="applied"} 1',
    );
  });

  it("reports sandboxes by state as the registry holds them now", async () => {
    configure();
    await deliver("created", SANDBOX);
    await deliver("paused", "imetrics000000000002");
    await deliver("created", "imetrics000000000003");
    await deliver("killed", "imetrics000000000003");

    const { text } = await scrape();

    expect(text).toContain('e2b_webhook_sandboxes{state="running"} 1');
    expect(text).toContain('e2b_webhook_sandboxes{state="paused"} 1');
  });

  it("includes the process metrics", async () => {
    configure();

    const { text } = await scrape();

    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toContain("nodejs_eventloop_lag_seconds");
  });
});
