/** Memory after a full collection, so only what is still held counts. */
export interface MemoryUsage {
  rss: number;
  heapUsed: number;
  external: number;
}

export function usageAfterGc(): MemoryUsage {
  if (!globalThis.gc) throw new Error("run this worker with --expose-gc");
  globalThis.gc();
  globalThis.gc();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}
