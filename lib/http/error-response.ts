import { jsonResponse } from "./json-response";

/**
 * An error in the shape every route answers with:
 * `{ success: false, error, message }`, `error` being a stable code.
 */
export function errorResponse(
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(status, { success: false, error, message }, headers);
}
