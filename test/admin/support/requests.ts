import { POST as receive } from "@/app/api/webhooks/e2b/route";
import {
  deliveryHeaders,
  eventBody,
  TOKEN,
  type ShortType,
} from "./deliveries";
import type { EventOptions } from "./deliveries";

const ORIGIN = "http://localhost:3000";

/** Delivers a signed event to the webhook route in-process. */
export async function deliver(
  type: ShortType | `sandbox.${string}`,
  sandboxId: string,
  options: EventOptions = {},
): Promise<Response> {
  const body = eventBody(type, sandboxId, options);
  return receive(
    new Request(`${ORIGIN}/api/webhooks/e2b`, {
      method: "POST",
      headers: deliveryHeaders(body),
      body,
    }),
  );
}

/** A GET to an admin path, with `Authorization: Bearer <token>` unless null. */
export function adminGet(
  path: string,
  auth: { token?: string | null; cookie?: string } = {},
): Request {
  const headers: Record<string, string> = {};
  const token = auth.token === undefined ? TOKEN : auth.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (auth.cookie) headers.cookie = auth.cookie;

  return new Request(`${ORIGIN}${path}`, { headers });
}

/** The JSON body of a response, as the test expects it to be shaped. */
export async function json<T = ErrorBody>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export interface ErrorBody {
  success: false;
  error: string;
  message: string;
}
