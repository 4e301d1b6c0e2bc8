import { authorizeAdmin } from "@/lib/admin/authorize";
import { refuseAdmin } from "@/lib/admin/failed-auth";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getRuntime } from "@/lib/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const { OPTIONS, POST, PUT, DELETE, PATCH } = otherMethods(["GET"]);

/** Prometheus metrics; scrape with `authorization: { credentials: <token> }`. */
export async function GET(request: Request): Promise<Response> {
  const { config, metrics } = getRuntime();
  const access = authorizeAdmin(request.headers, config.adminToken);
  if (!access.ok) return refuseAdmin(access, request.headers, getRuntime());

  return new Response(await metrics.render(), {
    status: 200,
    headers: {
      "content-type": metrics.contentType,
      "cache-control": "no-store",
    },
  });
}
