import { format } from "../report/format";
import type { RouteProfile } from "./route-profile";

/**
 * CPU microseconds per request, split between the framework and our files,
 * one column per profiled scenario. Files under 1% of the time are summed.
 */
export function profileTable(profiles: RouteProfile[]): string[][] {
  const perRequest = (p: RouteProfile, ms: number) =>
    format.micros((ms * 1000) / Math.max(1, p.responses)).replace(" µs", "");
  const ours = (p: RouteProfile) =>
    Object.values(p.summary.ours).reduce((sum, ms) => sum + ms, 0);
  const files = new Set(
    profiles.flatMap((p) =>
      Object.entries(p.summary.ours)
        .filter(([, ms]) => ms >= p.summary.busyMs * 0.01)
        .map(([file]) => file),
    ),
  );

  return [
    ["CPU µs per request", ...profiles.map((p) => `\`${p.scenario}\``)],
    ["all (busy)", ...profiles.map((p) => perRequest(p, p.summary.busyMs))],
    [
      "garbage collection",
      ...profiles.map((p) => perRequest(p, p.summary.gcMs)),
    ],
    [
      "framework: Next.js, undici, Node",
      ...profiles.map((p) => perRequest(p, p.summary.frameworkMs)),
    ],
    [
      "our code, with what it calls",
      ...profiles.map((p) => perRequest(p, ours(p))),
    ],
    ...[...files]
      .sort()
      .map((file) => [
        `— ${file}`,
        ...profiles.map((p) => perRequest(p, p.summary.ours[file] ?? 0)),
      ]),
  ];
}
