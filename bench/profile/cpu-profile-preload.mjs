// Preloaded into a server with NODE_OPTIONS="--import <this file>", since
// Node refuses --cpu-prof there. Profiles from start-up; on SIGUSR2 writes
// the profile so far into BENCH_CPU_PROF_DIR and starts a new one.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { join } from "node:path";

const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  let part = 0;

  process.on("SIGUSR2", () => {
    session.post("Profiler.stop", (error, result) => {
      if (!error) {
        mkdirSync(dir, { recursive: true });
        // Renamed when complete: a reader never sees half a profile.
        const path = join(dir, `server-${process.pid}-${++part}.cpuprofile`);
        writeFileSync(`${path}.partial`, JSON.stringify(result.profile));
        renameSync(`${path}.partial`, path);
      }
      session.post("Profiler.start");
    });
  });
}
