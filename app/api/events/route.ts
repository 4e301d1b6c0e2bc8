import { authorizeAdmin } from "@/lib/admin/authorize";
import { refuseAdmin } from "@/lib/admin/failed-auth";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { loadSnapshot } from "@/lib/observability/dashboard-snapshot";
import { snapshotStream } from "@/lib/observability/snapshot-stream";
import { getRuntime } from "@/lib/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const { OPTIONS, POST, PUT, DELETE, PATCH } = otherMethods(["GET"]);

/**
 * The dashboard's live feed as server-sent events: a `snapshot` event at
 * once and after every change. The stream ends when the session does.
 */
export async function GET(request: Request): Promise<Response> {
  const current = getRuntime();
  const access = authorizeAdmin(request.headers, current.config.adminToken);
  if (!access.ok) return refuseAdmin(access, request.headers, current);

  const stream = snapshotStream({
    load: () => loadSnapshot(current),
    changes: current.changes,
    closeAtMs: access.expiresAtMs,
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression from buffering the stream; the
      // accel header does the same for nginx in front of us.
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
