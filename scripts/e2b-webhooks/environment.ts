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
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) {
    throw new EnvironmentError(
      `E2B_API_URL "${raw}" is not an http(s) URL`,
      "invalid_api_url",
    );
  }
  return raw;
}
