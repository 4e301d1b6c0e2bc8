// Preloaded into the production server for the memory run, with
// NODE_OPTIONS="--import <this file>": on SIGUSR2 it collects garbage
// twice and writes process.memoryUsage() as JSON to BENCH_MEMORY_FILE, so
// live data can be told apart from heap V8 has simply not given back.
import { renameSync, writeFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc");
  process.on("SIGUSR2", () => {
    gc();
    gc();
    writeFileSync(`${file}.partial`, JSON.stringify(process.memoryUsage()));
    renameSync(`${file}.partial`, file);
  });
}
