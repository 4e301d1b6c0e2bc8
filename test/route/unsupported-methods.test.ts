import { describe, expect, it } from "vitest";
import * as unknownPath from "@/app/api/[...path]/route";
import * as deliveries from "@/app/api/deliveries/route";
import * as events from "@/app/api/events/route";
import * as health from "@/app/api/health/route";
import * as metrics from "@/app/api/metrics/route";
import * as reconcile from "@/app/api/reconcile/route";
import * as sandbox from "@/app/api/sandboxes/[id]/route";
import * as sandboxes from "@/app/api/sandboxes/route";
import * as session from "@/app/api/session/route";
import * as webhook from "@/app/api/webhooks/e2b/route";

// Written out rather than taken from lib/http, so the test checks it.
const METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"];

type Handler = (request: Request) => Response | Promise<Response>;

const ROUTES: Array<[string, object, string]> = [
  ["/api/webhooks/e2b", webhook, "OPTIONS, POST"],
  ["/api/health", health, "GET, HEAD, OPTIONS"],
  ["/api/session", session, "DELETE, OPTIONS, POST"],
  ["/api/sandboxes", sandboxes, "GET, HEAD, OPTIONS"],
  ["/api/sandboxes/ialpha0000000000001", sandbox, "GET, HEAD, OPTIONS"],
  ["/api/deliveries", deliveries, "GET, HEAD, OPTIONS"],
  ["/api/metrics", metrics, "GET, HEAD, OPTIONS"],
  ["/api/events", events, "GET, HEAD, OPTIONS"],
  ["/api/reconcile", reconcile, "GET, HEAD, OPTIONS, POST"],
];

const UNSUPPORTED = ROUTES.flatMap(([path, route, allow]) =>
  METHODS.filter((method) => !allow.split(", ").includes(method)).map(
    (method) => [method, path, route, allow] as const,
  ),
);

function handlerOf(route: object, method: string): Handler {
  const handler: unknown = Reflect.get(route, method);
  if (typeof handler !== "function") {
    throw new Error(`the route exports no ${method} handler`);
  }
  return handler as Handler;
}

function call(route: object, method: string, path: string) {
  const request = new Request(`http://localhost:3000${path}`, { method });
  return handlerOf(route, method)(request);
}

describe("methods a route does not implement", () => {
  it.each(UNSUPPORTED)(
    "answers %s %s with 405 method_not_allowed and Allow",
    async (method, path, route, allow) => {
      const response = await call(route, method, path);

      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe(allow);
      expect(response.headers.get("content-type")).toMatch(
        /^application\/json/,
      );
      expect(await response.json()).toEqual({
        success: false,
        error: "method_not_allowed",
        message: expect.stringMatching(/\S/),
      });
    },
  );

  it.each(ROUTES)(
    "answers OPTIONS %s with 204 and the methods it accepts",
    async (path, route, allow) => {
      const response = await call(route, "OPTIONS", path);

      expect(response.status).toBe(204);
      expect(response.headers.get("allow")).toBe(allow);
      expect(await response.text()).toBe("");
    },
  );

  it("names the method refused and the ones accepted", async () => {
    const response = await call(session, "GET", "/api/session");

    expect(await response.json()).toMatchObject({
      message:
        "This endpoint does not accept GET; it accepts DELETE, OPTIONS, POST",
    });
  });
});

describe("a path under /api that no route serves", () => {
  it.each(METHODS)("answers %s with 404 not_found as JSON", async (method) => {
    const response = await call(unknownPath, method, "/api/sandbox");

    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      success: false,
      error: "not_found",
      message: expect.stringContaining("/api/webhooks/e2b"),
    });
  });
});
