import { z } from "zod";

const healthy = z.object({
  status: z.literal("ok"),
  store: z.string(),
  version: z.string(),
  uptimeSeconds: z.number(),
});

const unhealthy = z.object({
  status: z.literal("unavailable"),
  reason: z.string(),
});

export type Confirmation =
  | { ok: true }
  | { ok: false; reason: "not_receiver" | "unhealthy"; detail: string };

/**
 * Asks `GET /api/health` whether the server at `baseUrl` is this receiver
 * and ready, before anything is sent to it: another program answering on
 * the port must not be mistaken for it.
 */
export async function confirmReceiver(baseUrl: string): Promise<Confirmation> {
  let status: number;
  let contentType: string;
  let body: unknown;
  try {
    const response = await fetch(`${baseUrl}/api/health`, {
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    status = response.status;
    contentType = response.headers.get("content-type") ?? "no Content-Type";
    body = await response.json().catch(() => null);
  } catch (error) {
    const detail = `GET /api/health failed: ${String(error)}`;
    return { ok: false, reason: "not_receiver", detail };
  }

  if (status === 200 && healthy.safeParse(body).success) return { ok: true };

  const sick = unhealthy.safeParse(body);
  if (status === 503 && sick.success) {
    const detail = `GET /api/health answered 503 ${sick.data.reason}`;
    return { ok: false, reason: "unhealthy", detail };
  }

  const detail = `GET /api/health answered HTTP ${status} (${contentType}), not the receiver's health JSON`;
  return { ok: false, reason: "not_receiver", detail };
}
