import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Finds the original source file of a position in a built server chunk,
 * through the source maps `next build` writes next to .next/server.
 */
export function sourceLocator(serverDir: string) {
  const maps = new Map<string, SourceMap | null>();

  const mapFor = (url: string): SourceMap | null => {
    if (!maps.has(url)) maps.set(url, loadMap(url, serverDir));
    return maps.get(url) ?? null;
  };

  return (url: string, line: number, column: number): string | null => {
    if (!url.startsWith("file://")) return null;

    const entry = mapFor(url)?.findEntry(line, column);
    return entry && "originalSource" in entry ? entry.originalSource : null;
  };
}

function loadMap(url: string, serverDir: string): SourceMap | null {
  const file = fileURLToPath(url);
  const candidates = [
    `${file}.map`,
    join(serverDir, "chunks", `${basename(file)}.map`),
  ];
  const found = candidates.find((path) => existsSync(path));
  if (!found) return null;

  try {
    return new SourceMap(JSON.parse(readFileSync(found, "utf8")));
  } catch {
    return null;
  }
}
