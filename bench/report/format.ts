/** Numbers as BENCHMARKS.md prints them. */
export const format = {
  rate: (perSecond: number) =>
    `${Math.round(perSecond).toLocaleString("en-US")}/s`,
  ms: (ms: number) => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`,
  micros: (micros: number) => `${micros.toFixed(2)} µs`,
  ratio: (ratio: number) => `${ratio.toFixed(2)}×`,
  mb: (bytes: number | null) =>
    bytes === null ? "n/a" : `${(bytes / 1024 / 1024).toFixed(1)} MB`,
  count: (n: number) => n.toLocaleString("en-US"),
  load: (load: number[]) => load.map((l) => l.toFixed(2)).join(", "),
};
