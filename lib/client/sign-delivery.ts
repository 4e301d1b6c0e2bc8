import { signE2b, signHmacHex } from "../signature/sign";
import { randomId } from "./ids";

/** `e2b`: E2B's own `e2b-signature`; `hmac`: the setup guide's hex HMAC. */
export type SigningScheme = "e2b" | "hmac";

/** One HTTP attempt, ready to send: the exact bytes that were signed. */
export interface SignedDelivery {
  body: Uint8Array;
  headers: Record<string, string>;
}

export interface SignOptions {
  secret: string;
  scheme: SigningScheme;
  /** The legacy header name; the setup guide uses `X-E2B-Signature`. */
  hmacHeader?: "X-E2B-Signature" | "X-Webhook-Signature";
  webhookId?: string;
}

/**
 * Signs a body the way its sender would and returns the bytes to send with
 * their headers. Text is encoded once, and those same bytes are signed and
 * sent, so nothing between signing and sending can change them.
 *
 * @example
 * const delivery = signDelivery(body, { secret, scheme: "e2b" });
 * await fetch(url, { method: "POST", ...delivery });
 */
export function signDelivery(
  body: string | Uint8Array,
  options: SignOptions,
): SignedDelivery {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  const headers: Record<string, string> = {
    "content-type": "application/json",
  };

  if (options.scheme === "e2b") {
    headers["e2b-signature"] = signE2b(options.secret, bytes);
    headers["e2b-signature-version"] = "v1";
    headers["e2b-webhook-id"] = options.webhookId ?? randomId();
    headers["e2b-delivery-id"] = randomId();
  } else {
    const name = options.hmacHeader ?? "X-E2B-Signature";
    headers[name] = signHmacHex(options.secret, bytes);
  }

  return { body: bytes, headers };
}

/**
 * The same delivery attempted again, as a sender's retry: the same bytes and
 * signature; E2B gives each attempt a new `e2b-delivery-id`.
 */
export function redeliver(delivery: SignedDelivery): SignedDelivery {
  const headers = { ...delivery.headers };
  if ("e2b-delivery-id" in headers) headers["e2b-delivery-id"] = randomId();

  return { body: delivery.body, headers };
}
