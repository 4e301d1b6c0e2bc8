import type { Logger } from "pino";
import type { Config } from "../config/config";
import { addressKey } from "../rate-limit/address-key";
import { clientAddress } from "../rate-limit/client-address";
import {
  limitFailedAuth,
  type DeliveryLimits,
} from "../rate-limit/delivery-limits";
import type { HeaderReader } from "../signature/verify";
import { adminDenied, adminError } from "./admin-error";
import type { AdminAccess } from "./authorize";

/** What counting a failed admin authentication needs from the runtime. */
export interface FailedAuthCounter {
  config: Pick<Config, "trustProxy">;
  limits: DeliveryLimits;
  logger: Logger;
}

/**
 * Counts a wrong admin token against the client's address, in the limit
 * that failed webhook signatures count against
 * (`WEBHOOK_FAILED_AUTH_LIMIT_PER_MINUTE`). Resolves to the 429 to answer
 * once past it, else `null`. Only failures count: the right token is never
 * refused by this.
 */
export async function countFailedAdminAuth(
  headers: HeaderReader,
  counter: FailedAuthCounter,
): Promise<Response | null> {
  const address = clientAddress(headers, counter.config.trustProxy);
  const limited = await limitFailedAuth(counter.limits, address);
  if (!limited) return null;

  if (!limited.quiet) {
    counter.logger.warn(
      { address: addressKey(address) },
      "admin: too many failed authentications from this address; refusing with 429 for the rest of the minute",
    );
  }
  return adminError(
    "rate_limited",
    "Too many failed admin authentications from this address; retry later",
    limited.headers,
  );
}

/**
 * The answer to a request `authorizeAdmin` refused. One that presented a
 * token (any `Authorization` header) counts as a failed authentication; one
 * with no credential, or only a stale session cookie, guessed nothing.
 */
export async function refuseAdmin(
  access: Extract<AdminAccess, { ok: false }>,
  headers: HeaderReader,
  counter: FailedAuthCounter,
): Promise<Response> {
  if (access.error === "unauthorized" && headers.get("authorization")) {
    const limited = await countFailedAdminAuth(headers, counter);
    if (limited) return limited;
  }
  return adminDenied(access);
}
