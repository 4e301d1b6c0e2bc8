import { DEFAULT_E2B_API_URL } from "../../lib/e2b-api/client";
import { EnvironmentError } from "./io";

/** E2B_API_KEY, required once a command calls E2B. */
export function readApiKey(env: Record<string, string | undefined>): string {
  const key = env.E2B_API_KEY?.trim();
  if (!key) {
    throw new EnvironmentError(
      "E2B_API_KEY is not set: create a key at https://e2b.dev/dashboard?tab=keys and put E2B_API_KEY=e2b_... in .env.local (or export it).",
      "missing_api_key",
    );
  }
  return key;
}

/** E2B_API_URL, or E2B's public API. */
export function readBaseUrl(env: Record<string, string | undefined>): string {
  const raw = env.E2B_API_URL?.trim() || DEFAULT_E2B_API_URL;
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw new EnvironmentError(
      `E2B_API_URL "${withoutUserinfo(raw)}" is not an http(s) URL`,
      "invalid_api_url",
    );
  }
  // fetch refuses a URL with credentials, quoting it, password and all.
  if (url.username || url.password) {
    throw new EnvironmentError(
      `E2B_API_URL must not hold a user name or password (E2B authenticates with E2B_API_KEY): use "${withoutUserinfo(raw)}"`,
      "invalid_api_url",
    );
  }
  return raw;
}

// A password in the URL must not reach a terminal or a CI log.
function withoutUserinfo(raw: string): string {
  if (!URL.canParse(raw)) return raw;

  const url = new URL(raw);
  if (url.username === "" && url.password === "") return raw;

  url.username = "";
  url.password = "";
  return url.href;
}
