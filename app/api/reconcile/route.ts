import { authorizeAdmin } from "@/lib/admin/authorize";
import { crossOriginRefused, isCrossOrigin } from "@/lib/admin/cross-origin";
import { refuseAdmin } from "@/lib/admin/failed-auth";
import { jsonResponse } from "@/lib/http/json-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import {
  RECONCILE_DISABLED,
  reconcileAnswer,
} from "@/lib/reconcile/reconcile-response";
import { getRuntime } from "@/lib/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const { OPTIONS, PUT, DELETE, PATCH } = otherMethods(["GET", "POST"]);

/**
 * Runs a reconciliation from E2B's events API now (after any run in
 * progress) and answers with its counts: `fetched`, `applied`,
 * `duplicate`, `stale`, `ignored`, `invalid`, `pages`.
 */
export async function POST(request: Request): Promise<Response> {
  const { config, reconciler } = getRuntime();
  const access = authorizeAdmin(request.headers, config.adminToken);
  if (!access.ok) return refuseAdmin(access, request.headers, getRuntime());
  if (access.via === "session" && isCrossOrigin(request)) {
    return crossOriginRefused();
  }

  if (!reconciler) {
    return jsonResponse(RECONCILE_DISABLED.status, RECONCILE_DISABLED.body);
  }

  const { status, body } = reconcileAnswer(await reconciler.runNow());
  return jsonResponse(status, body);
}

/** The schedule: last run, its result, failures in a row, next run. */
export async function GET(request: Request): Promise<Response> {
  const { config, reconciler } = getRuntime();
  const access = authorizeAdmin(request.headers, config.adminToken);
  if (!access.ok) return refuseAdmin(access, request.headers, getRuntime());

  if (!reconciler) {
    return jsonResponse(RECONCILE_DISABLED.status, RECONCILE_DISABLED.body);
  }
  return jsonResponse(200, { success: true, ...reconciler.status() });
}
