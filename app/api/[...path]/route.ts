import { errorResponse } from "@/lib/http/error-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Next.js matches static and dynamic segments before a catch-all, so this
// answers only for paths under /api that no other route serves, which would
// otherwise get the HTML 404 page.
function notFound(): Response {
  return errorResponse(
    404,
    "not_found",
    "No API endpoint at this path; E2B delivers to POST /api/webhooks/e2b",
  );
}

export {
  notFound as GET,
  notFound as HEAD,
  notFound as OPTIONS,
  notFound as POST,
  notFound as PUT,
  notFound as DELETE,
  notFound as PATCH,
};
