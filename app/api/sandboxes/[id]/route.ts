import { adminError, storeUnavailable } from "@/lib/admin/admin-error";
import { authorizeAdmin } from "@/lib/admin/authorize";
import { refuseAdmin } from "@/lib/admin/failed-auth";
import { jsonResponse } from "@/lib/http/json-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getRuntime } from "@/lib/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const { OPTIONS, POST, PUT, DELETE, PATCH } = otherMethods(["GET"]);

interface Context {
  params: Promise<{ id: string }>;
}

/**
 * One sandbox: 200 while it lives, 410 with its tombstone once killed
 * (while the tombstone is kept), 404 when the registry never saw it.
 */
export async function GET(
  request: Request,
  context: Context,
): Promise<Response> {
  const { config, logger, manager } = getRuntime();
  const access = authorizeAdmin(request.headers, config.adminToken);
  if (!access.ok) return refuseAdmin(access, request.headers, getRuntime());

  const { id } = await context.params;
  try {
    const sandbox = await manager.get(id);
    if (sandbox) return jsonResponse(200, { sandbox });

    const tombstone = await manager.getTombstone(id);
    if (tombstone) {
      const { sandboxId, state, killedAt, killReason } = tombstone;
      return jsonResponse(410, {
        sandbox: { sandboxId, state, killedAt, killReason },
      });
    }
  } catch (error) {
    return storeUnavailable(logger, error);
  }

  return adminError(
    "sandbox_not_found",
    "No sandbox with this id is in the registry",
  );
}
