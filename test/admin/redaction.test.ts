import { afterEach, describe, expect, it } from "vitest";
import { GET as getDeliveries } from "@/app/api/deliveries/route";
import { GET as getMetrics } from "@/app/api/metrics/route";
import { POST as receive } from "@/app/api/webhooks/e2b/route";
import { signHmacHex } from "@/lib/signature/sign";
import {
  deliveryHeaders,
  eventBody,
  SECRET,
  TOKEN,
} from "./support/deliveries";
import { configure, restore } from "./support/environment";
import { adminGet } from "./support/requests";

const SANDBOX = "iredact00000000000001";
const FORGER_SECRET = "forger-secret-abcdefghijklmnopqrstuvwxyz";

async function send(body: string, headers: Record<string, string>) {
  const request = new Request("http://localhost/api/webhooks/e2b", {
    method: "POST",
    headers,
    body,
  });
  return (await receive(request)).status;
}

afterEach(restore);

describe("the delivery log and metrics", () => {
  it("never contain the secret, the admin token or a signature value", async () => {
    configure();
    const authentic = eventBody("created", SANDBOX);
    const good = deliveryHeaders(authentic);
    const forged = eventBody("killed", SANDBOX);
    const bad: Record<string, string> = {
      ...deliveryHeaders(forged, FORGER_SECRET),
      "x-e2b-signature": signHmacHex(FORGER_SECRET, forged),
    };
    expect(await send(authentic, good)).toBe(200);
    expect(await send(forged, bad)).toBe(401);

    const log = await (await getDeliveries(adminGet("/api/deliveries"))).text();
    const metrics = await (await getMetrics(adminGet("/api/metrics"))).text();

    expect(log).toContain(good["e2b-delivery-id"]);
    const forbidden = [
      SECRET,
      TOKEN,
      FORGER_SECRET,
      good["e2b-signature"],
      bad["e2b-signature"],
      bad["x-e2b-signature"],
    ];
    for (const text of [log, metrics]) {
      for (const value of forbidden) expect(text).not.toContain(value);
    }
  });

  it("never contain the body of a delivery", async () => {
    configure();
    const body = eventBody("created", SANDBOX, {
      data: { sandbox_metadata: { note: "body-marker-5f1e" } },
    });
    await send(body, deliveryHeaders(body));

    const log = await (await getDeliveries(adminGet("/api/deliveries"))).text();
    const metrics = await (await getMetrics(adminGet("/api/metrics"))).text();

    expect(log).not.toContain("body-marker-5f1e");
    expect(metrics).not.toContain("body-marker-5f1e");
  });
});
