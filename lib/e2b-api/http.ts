import type { z } from "zod";
import { failed, success, type ApiResult } from "./api-result";
import { answerError, transportError } from "./errors";

export interface HttpOptions {
  apiKey: string;
  /** Such as `https://api.e2b.app`; a trailing slash is ignored. */
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export type QueryValue = string | number | boolean | string[] | undefined;

export interface Call<T> {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** How to read a 2xx body; `null` when the body does not matter. */
  schema: z.ZodType<T> | null;
}

/**
 * Makes one call to E2B's REST API. Never throws: every failure, from a
 * refused connection to an unexpected body, comes back as an `ApiError`.
 */
export async function callE2b<T>(
  options: HttpOptions,
  call: Call<T>,
): Promise<ApiResult<T>> {
  const url = buildUrl(options.baseUrl, call.path, call.query);
  const headers: Record<string, string> = {
    "x-api-key": options.apiKey,
    accept: "application/json",
  };
  if (call.body !== undefined) headers["content-type"] = "application/json";

  const signal = AbortSignal.timeout(options.timeoutMs);
  let status: number;
  let text: string;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal,
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    return failed(transportError(error, options.baseUrl, options.timeoutMs));
  }

  if (status < 200 || status > 299) return failed(answerError(status, text));

  return readBody(call.schema, text);
}

export function buildUrl(
  baseUrl: string,
  path: string,
  query: Record<string, QueryValue> = {},
): string {
  const url = new URL(baseUrl.replace(/\/+$/, "") + path);
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;

    const values = Array.isArray(value) ? value : [String(value)];
    for (const item of values) url.searchParams.append(name, item);
  }
  return url.toString();
}

function readBody<T>(schema: z.ZodType<T> | null, text: string): ApiResult<T> {
  if (schema === null) return success(undefined as T);

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return failed({
      reason: "invalid_response",
      message: "E2B answered with a body that is not JSON",
    });
  }

  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    return failed({
      reason: "invalid_response",
      message: `E2B answered with an unexpected shape${where}: ${issue?.message ?? "invalid"}`,
    });
  }
  return success(parsed.data);
}
