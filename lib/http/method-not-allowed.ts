import { errorResponse } from "./error-response";

/** The methods a Next.js route module can export a handler for. */
export const HTTP_METHODS = [
  "GET",
  "HEAD",
  "OPTIONS",
  "POST",
  "PUT",
  "DELETE",
  "PATCH",
] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A method a route implements itself; OPTIONS always comes from here. */
export type ImplementedMethod = Exclude<HttpMethod, "OPTIONS">;

type Handler = (request: Request) => Response;

// Next.js answers HEAD from GET when a route exports no HEAD of its own.
type Allowed<M extends ImplementedMethod> =
  M | ("GET" extends M ? "HEAD" : never);

export type OtherMethods<M extends ImplementedMethod> = Record<
  Exclude<HttpMethod, Allowed<M>>,
  Handler
>;

/**
 * The handlers a route exports for the methods it does not implement: each
 * answers 405 `method_not_allowed` in the JSON error shape with an `Allow`
 * header, and OPTIONS answers 204 with the same header. Without them
 * Next.js answers 405 with an empty body and no `Allow`, and its own
 * OPTIONS would list every exported method as allowed.
 *
 * @example
 * export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
 */
export function otherMethods<const M extends ImplementedMethod>(
  implemented: readonly M[],
  message?: string,
): OtherMethods<M> {
  const allowed = new Set<HttpMethod>(["OPTIONS", ...implemented]);
  if (allowed.has("GET")) allowed.add("HEAD");
  // Sorted, as Next.js writes its own Allow header.
  const allow = { allow: [...allowed].sort().join(", ") };

  const refuse: Handler = (request) =>
    errorResponse(
      405,
      "method_not_allowed",
      message ??
        `This endpoint does not accept ${request.method}; it accepts ${allow.allow}`,
      allow,
    );
  const handlers: Partial<Record<HttpMethod, Handler>> = {
    OPTIONS: () => new Response(null, { status: 204, headers: allow }),
  };
  for (const method of HTTP_METHODS) {
    if (!allowed.has(method)) handlers[method] = refuse;
  }

  return handlers as OtherMethods<M>;
}
