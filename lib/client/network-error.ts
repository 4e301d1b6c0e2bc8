/**
 * Why a `fetch` got no answer, in a few words, such as
 * `connect ECONNREFUSED 127.0.0.1:3000` or `no answer within 10 s`.
 */
export function describeNetworkError(
  error: unknown,
  timeoutMs: number,
): string {
  if (!(error instanceof Error)) return String(error);

  // fetch wraps the useful part (ECONNREFUSED, ENOTFOUND) in `cause`.
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = "code" in cause ? String(cause.code) : "";
    return cause.message.includes(code)
      ? cause.message
      : `${cause.message} (${code})`;
  }

  return error.name === "TimeoutError"
    ? `no answer within ${timeoutMs / 1000} s`
    : error.message;
}
