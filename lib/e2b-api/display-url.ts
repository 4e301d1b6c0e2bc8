/**
 * A base URL as messages show it: as configured, path included, but
 * without userinfo (a password may sit there), query or fragment.
 *
 * @example
 * displayUrl("https://user:pw@proxy.example.com/e2b/"); // "https://proxy.example.com/e2b/"
 */
export function displayUrl(url: string): string {
  if (!URL.canParse(url)) return "(an invalid URL)";

  const { origin, pathname } = new URL(url);
  return pathname === "/" ? origin : origin + pathname;
}
