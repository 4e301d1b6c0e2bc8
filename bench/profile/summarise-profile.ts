import { readFileSync } from "node:fs";
import { sourceLocator } from "./source-locator";

interface ProfileNode {
  id: number;
  callFrame: {
    functionName: string;
    url: string;
    lineNumber: number;
    columnNumber: number;
  };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a server's CPU time went, in milliseconds. */
export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  gcMs: number;
  /** Time under one of our frames (lib/, app/), by our innermost file. */
  ours: Record<string, number>;
  /** Everything else that ran: Next.js, undici, node:http, pino's core. */
  frameworkMs: number;
}

/**
 * Splits a CPU profile of the production server into our code and the
 * framework, attributing library time (zod, pino) to the file of ours
 * that called it.
 */
export function summariseProfile(path: string, serverDir: string) {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const locate = sourceLocator(serverDir);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parents.set(child, node.id);
  }
  const ownFile = new Map<number, string | null>();
  const oursOf = (id: number | undefined): string | null => {
    if (id === undefined) return null;
    if (!ownFile.has(id)) {
      const frame = byId.get(id)?.callFrame;
      const source =
        frame && locate(frame.url, frame.lineNumber, frame.columnNumber);
      ownFile.set(id, ourFile(source) ?? oursOf(parents.get(id)));
    }
    return ownFile.get(id) ?? null;
  };

  const summary: ProfileSummary = {
    busyMs: 0,
    idleMs: 0,
    gcMs: 0,
    ours: {},
    frameworkMs: 0,
  };
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const name = byId.get(id)?.callFrame.functionName;
    if (name === "(idle)") return void (summary.idleMs += ms);
    summary.busyMs += ms;
    if (name === "(garbage collector)") return void (summary.gcMs += ms);

    const file = oursOf(id);
    if (file) summary.ours[file] = (summary.ours[file] ?? 0) + ms;
    else summary.frameworkMs += ms;
  });
  return summary;
}

// Turbopack names sources relative to the chunk: ../../../lib/x.ts.
function ourFile(source: string | null | undefined): string | null {
  if (!source || source.includes("node_modules")) return null;

  const match = /(?:^|\/)((?:lib|app)\/.+)$/.exec(source);
  return match?.[1] ?? null;
}
