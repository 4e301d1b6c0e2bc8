import { describe, expect, it } from "vitest";
import { FIXTURE, readFixture } from "@/lib/client/fixtures";
import { redeliver, signDelivery } from "@/lib/client/sign-delivery";
import { verifySignature } from "@/lib/signature/verify";
import vectors from "@/fixtures/signature-vectors.json";

const SECRET = "a-demo-secret-of-at-least-32-characters";
const body = readFixture(FIXTURE.e2b.created);

function verify(delivery: ReturnType<typeof signDelivery>, secret = SECRET) {
  return verifySignature(new Headers(delivery.headers), delivery.body, [
    secret,
  ]);
}

describe("signDelivery", () => {
  it.each(["e2b", "hmac"] as const)(
    "signs with the %s scheme so that the receiver's verify accepts it",
    (scheme) => {
      const result = verify(signDelivery(body, { secret: SECRET, scheme }));

      expect(result).toMatchObject({ ok: true, scheme });
    },
  );

  it.each(["e2b", "hmac"] as const)(
    "makes a %s signature that another secret does not verify",
    (scheme) => {
      const delivery = signDelivery(body, { secret: SECRET, scheme });

      expect(verify(delivery, `${SECRET}!`)).toMatchObject({
        ok: false,
        reason: "invalid_signature",
      });
    },
  );

  it("sends exactly the UTF-8 bytes it signed", () => {
    const text = '{"sandbox_id":"i1","note":"café ✓"}';
    const delivery = signDelivery(text, { secret: SECRET, scheme: "e2b" });

    expect(Buffer.from(delivery.body).equals(Buffer.from(text, "utf8"))).toBe(
      true,
    );
    expect(verify(delivery).ok).toBe(true);
  });

  it("signs one changed byte differently", () => {
    const delivery = signDelivery(body, { secret: SECRET, scheme: "e2b" });
    const changed = Buffer.from(delivery.body);
    changed[changed.length - 2] = 0x20;

    expect(verify({ ...delivery, body: changed }).ok).toBe(false);
  });

  it.each(vectors)("matches the known answers for $secret", (vector) => {
    const e2b = signDelivery(vector.body, {
      secret: vector.secret,
      scheme: "e2b",
    });
    const hmac = signDelivery(vector.body, {
      secret: vector.secret,
      scheme: "hmac",
    });

    expect(e2b.headers["e2b-signature"]).toBe(vector.e2bSignature);
    expect(hmac.headers["X-E2B-Signature"]).toBe(vector.hmacSha256Hex);
  });

  it("sends E2B's headers with the e2b scheme and only the guide's with hmac", () => {
    const e2b = signDelivery(body, { secret: SECRET, scheme: "e2b" });
    const hmac = signDelivery(body, { secret: SECRET, scheme: "hmac" });

    expect(Object.keys(e2b.headers).sort()).toEqual([
      "content-type",
      "e2b-delivery-id",
      "e2b-signature",
      "e2b-signature-version",
      "e2b-webhook-id",
    ]);
    expect(Object.keys(hmac.headers).sort()).toEqual([
      "X-E2B-Signature",
      "content-type",
    ]);
  });
});

describe("redeliver", () => {
  it("sends the same bytes and signature with a new delivery id", () => {
    const first = signDelivery(body, { secret: SECRET, scheme: "e2b" });
    const retry = redeliver(first);

    expect(retry.body).toBe(first.body);
    expect(retry.headers["e2b-signature"]).toBe(first.headers["e2b-signature"]);
    expect(retry.headers["e2b-webhook-id"]).toBe(
      first.headers["e2b-webhook-id"],
    );
    expect(retry.headers["e2b-delivery-id"]).not.toBe(
      first.headers["e2b-delivery-id"],
    );
    expect(verify(retry).ok).toBe(true);
  });
});
