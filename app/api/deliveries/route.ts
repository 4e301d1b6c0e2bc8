import { adminError, storeUnavailable } from "@/lib/admin/admin-error";
import { authorizeAdmin } from "@/lib/admin/authorize";
import { refuseAdmin } from "@/lib/admin/failed-auth";
import { parseLimit } from "@/lib/admin/query";
import { jsonResponse } from "@/lib/http/json-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getRuntime } from "@/lib/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const { OPTIONS, POST, PUT, DELETE, PATCH } = otherMethods(["GET"]);

/** The most recent deliveries (`?limit=N`), newest first. */
export async function GET(request: Request): Promise<Response> {
  const { config, deliveryLog, logger } = getRuntime();
  const access = authorizeAdmin(request.headers, config.adminToken);
  if (!access.ok) return refuseAdmin(access, request.headers, getRuntime());

  const params = new URL(request.url).searchParams;
  const limit = parseLimit(params, deliveryLog.capacity);
  if (!limit.ok) {
    return adminError(
      "invalid_limit",
      `The limit must be a whole number from 1 to ${deliveryLog.capacity} (WEBHOOK_DELIVERY_LOG_SIZE)`,
    );
  }

  try {
    const deliveries = await deliveryLog.recent(limit.value);
    return jsonResponse(200, { deliveries, count: deliveries.length });
  } catch (error) {
    return storeUnavailable(logger, error);
  }
}
