import { adminError, storeUnavailable } from "@/lib/admin/admin-error";
import { authorizeAdmin } from "@/lib/admin/authorize";
import { refuseAdmin } from "@/lib/admin/failed-auth";
import { parseStateFilter } from "@/lib/admin/query";
import { byRecentActivity } from "@/lib/admin/sandbox-order";
import { jsonResponse } from "@/lib/http/json-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getRuntime } from "@/lib/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const { OPTIONS, POST, PUT, DELETE, PATCH } = otherMethods(["GET"]);

/** Lists the registry's sandboxes, most recent activity first. */
export async function GET(request: Request): Promise<Response> {
  const { config, logger, manager } = getRuntime();
  const access = authorizeAdmin(request.headers, config.adminToken);
  if (!access.ok) return refuseAdmin(access, request.headers, getRuntime());

  const filter = parseStateFilter(new URL(request.url).searchParams);
  if (!filter.ok) {
    return adminError(
      "invalid_state",
      'The state filter must be "running" or "paused"',
    );
  }

  try {
    const listed = await manager.list({ state: filter.value });
    const sandboxes = byRecentActivity(listed);
    return jsonResponse(200, { sandboxes, count: sandboxes.length });
  } catch (error) {
    return storeUnavailable(logger, error);
  }
}
