import packageJson from "@/package.json";
import { jsonResponse } from "@/lib/http/json-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getRuntime } from "@/lib/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const { OPTIONS, POST, PUT, DELETE, PATCH } = otherMethods([
  "GET",
  "HEAD",
]);

// Read from package.json when the app is built: a version is not a secret.
const VERSION = packageJson.version;

/**
 * Liveness and readiness for container health checks and load balancers:
 * 200 while the receiver can take deliveries, 503 while it cannot (no
 * webhook secret, or the registry's store does not answer a ping). Needs no
 * token and reveals no configuration beyond that.
 */
export async function GET(): Promise<Response> {
  const { config, logger, manager, startedAt } = getRuntime();

  // Without a secret every delivery gets 500: not a healthy receiver.
  if (config.secrets.length === 0) {
    return jsonResponse(503, {
      status: "unavailable",
      reason: "not_configured",
    });
  }

  try {
    await manager.ping();
  } catch (error) {
    logger.warn(
      { err: error, store: manager.storeKind },
      "health check: store unreachable",
    );
    return jsonResponse(503, {
      status: "unavailable",
      reason: "store_unreachable",
    });
  }

  return jsonResponse(200, {
    status: "ok",
    store: manager.storeKind,
    version: VERSION,
    uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000),
  });
}

/** The same check as `GET`, answered without a body. */
export async function HEAD(): Promise<Response> {
  const response = await GET();
  return new Response(null, {
    status: response.status,
    headers: response.headers,
  });
}
