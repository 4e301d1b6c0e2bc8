import { expect } from "vitest";
import * as route from "@/app/api/webhooks/e2b/route";
import { resetRuntime } from "@/lib/runtime";
import { signE2b, signHmacHex } from "@/lib/signature/sign";
import {
  fixtureText,
  shiftTimestamps,
  shiftToNow,
} from "../unit/helpers/fixtures";

export const URL = "http://localhost:3000/api/webhooks/e2b";
export const SECRET = "route-test-secret-0123456789abcdefgh";
export const PREVIOUS_SECRET = "route-test-previous-0123456789abcdef";

type Handler = (request: Request) => Response | Promise<Response>;

/** The route's exported handlers, by method. */
export const handlers: Record<string, Handler> = {
  POST: route.POST,
  GET: route.GET,
  PUT: route.PUT,
  PATCH: route.PATCH,
  DELETE: route.DELETE,
  OPTIONS: route.OPTIONS,
};

type Setting =
  | "E2B_WEBHOOK_SECRET"
  | "E2B_WEBHOOK_SECRET_PREVIOUS"
  | "WEBHOOK_MAX_BODY_BYTES"
  | "WEBHOOK_MAX_EVENT_AGE_SECONDS"
  | "LOG_FORMAT"
  | "LOG_LEVEL";

// Every receiver setting, so nothing from the outer environment (a Redis
// URL, a rate limit) changes what these tests see.
const RECEIVER_SETTING = /^(E2B_|WEBHOOK_|REDIS_|LOG_)/;
const saved = { ...process.env };

/** Sets the receiver's environment (others unset) and starts a fresh runtime. */
export function configure(env: Partial<Record<Setting, string>>) {
  for (const name of Object.keys(process.env)) {
    if (RECEIVER_SETTING.test(name)) delete process.env[name];
  }
  Object.assign(process.env, { LOG_LEVEL: "silent", ...env });
  resetRuntime();
}

export function restoreEnvironment() {
  for (const name of Object.keys(process.env)) {
    if (RECEIVER_SETTING.test(name)) delete process.env[name];
  }
  for (const [name, value] of Object.entries(saved)) {
    if (RECEIVER_SETTING.test(name)) process.env[name] = value;
  }
  resetRuntime();
}

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** Calls the exported POST handler in-process, as Next.js would. */
export async function post(
  body: BodyInit | null,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const init: RequestInit & { duplex?: "half" } = {
    method: "POST",
    body,
    headers,
  };
  if (body instanceof ReadableStream) init.duplex = "half";
  const response = await route.POST(new Request(URL, init));
  return {
    status: response.status,
    headers: response.headers,
    body: await response.json(),
  };
}

export function e2bHeaders(payload: string | Uint8Array, secret = SECRET) {
  return {
    "content-type": "application/json",
    "e2b-signature": signE2b(secret, payload),
    "e2b-signature-version": "v1",
    "e2b-webhook-id": "1b0c5a8e-5a0e-4f1a-9d69-0d2f2d1a9b11",
    "e2b-delivery-id": crypto.randomUUID(),
  };
}

export function hmacHeaders(
  payload: string | Uint8Array,
  header = "X-E2B-Signature",
  secret = SECRET,
) {
  return {
    "content-type": "application/json",
    [header]: signHmacHex(secret, payload),
  };
}

/** Signs with E2B's scheme and posts, as E2B delivers. */
export function deliver(payload: string | Uint8Array, secret = SECRET) {
  const body = typeof payload === "string" ? payload : new Uint8Array(payload);
  return post(body, e2bHeaders(payload, secret));
}

// Each set moves as one, keeping its order and spacing, to end about now.
const V2_SHIFT = shiftToNow("2026-11-20T10:32:11.250001Z");
const LEGACY_SHIFT = shiftToNow("2025-11-08T12:34:56.789Z");

/** A fixture's exact bytes with its timestamps moved to the recent past. */
export function recentFixture(path: string): string {
  const shift = path.startsWith("legacy/") ? LEGACY_SHIFT : V2_SHIFT;
  return shiftTimestamps(fixtureText(path), shift);
}

export function successBody(outcome: string, event: Record<string, string>) {
  return {
    success: true,
    outcome,
    message: expect.any(String),
    eventId: event.id,
    eventType: event.type,
    sandboxId: event.sandbox_id ?? event.sandboxId,
    timestamp: event.timestamp,
  };
}
