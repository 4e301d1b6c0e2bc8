import { afterEach, describe, expect, it } from "vitest";
import { GET as getDeliveries } from "@/app/api/deliveries/route";
import { POST as receive } from "@/app/api/webhooks/e2b/route";
import type { DeliveryReport } from "@/lib/pipeline/report-delivery";
import { deliveryHeaders, eventBody } from "./support/deliveries";
import { configure, restore } from "./support/environment";
import { adminGet, deliver, json } from "./support/requests";

const SANDBOX = "idelivery00000000001";

interface LogBody {
  deliveries: DeliveryReport[];
  count: number;
}

async function recent(query = ""): Promise<LogBody> {
  return json<LogBody>(
    await getDeliveries(adminGet(`/api/deliveries${query}`)),
  );
}

afterEach(restore);

describe("GET /api/deliveries", () => {
  it("lists deliveries newest first, with their headers and outcome", async () => {
    configure();
    const body = eventBody("created", SANDBOX);
    const headers = deliveryHeaders(body);
    await receive(
      new Request("http://localhost/api/webhooks/e2b", {
        method: "POST",
        headers,
        body,
      }),
    );
    await deliver("paused", SANDBOX);

    const { deliveries, count } = await recent();

    expect(count).toBe(2);
    expect(deliveries.map((d) => d.eventType)).toEqual([
      "sandbox.lifecycle.paused",
      "sandbox.lifecycle.created",
    ]);
    expect(deliveries[1]).toMatchObject({
      status: 200,
      outcome: "applied",
      sandboxId: SANDBOX,
      eventId: JSON.parse(body).id,
      deliveryId: headers["e2b-delivery-id"],
      webhookId: headers["e2b-webhook-id"],
    });
    expect(deliveries[1]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(deliveries[1]?.receivedAt ?? "")).not.toBeNaN();
  });

  it("records a rejected delivery with its status and error code", async () => {
    configure();
    const body = eventBody("created", SANDBOX);
    await receive(
      new Request("http://localhost/api/webhooks/e2b", {
        method: "POST",
        headers: deliveryHeaders(body, "not-the-configured-secret-000000000"),
        body,
      }),
    );

    const { deliveries } = await recent();

    expect(deliveries[0]).toMatchObject({
      status: 401,
      outcome: "invalid_signature",
      eventId: null,
    });
  });

  it("keeps only the last WEBHOOK_DELIVERY_LOG_SIZE deliveries", async () => {
    configure({ WEBHOOK_DELIVERY_LOG_SIZE: "3" });
    for (const type of ["created", "paused", "resumed", "paused"] as const) {
      await deliver(type, SANDBOX);
    }

    const { deliveries, count } = await recent();

    expect(count).toBe(3);
    expect(deliveries.map((d) => d.eventType)).toEqual([
      "sandbox.lifecycle.paused",
      "sandbox.lifecycle.resumed",
      "sandbox.lifecycle.paused",
    ]);
  });

  it("returns at most ?limit= deliveries", async () => {
    configure();
    await deliver("created", SANDBOX);
    await deliver("paused", SANDBOX);

    const { deliveries } = await recent("?limit=1");

    expect(deliveries.map((d) => d.eventType)).toEqual([
      "sandbox.lifecycle.paused",
    ]);
  });

  it("answers 400 invalid_limit for a limit of 0", async () => {
    configure();

    const response = await getDeliveries(adminGet("/api/deliveries?limit=0"));

    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ error: "invalid_limit" });
  });

  it("answers 400 invalid_limit for a limit above the log size", async () => {
    configure({ WEBHOOK_DELIVERY_LOG_SIZE: "10" });

    const response = await getDeliveries(adminGet("/api/deliveries?limit=11"));

    expect(response.status).toBe(400);
  });
});
