// Preloaded into the production server for the Redis run, with
// NODE_OPTIONS="--import <this file>": counts the writes the process makes
// to Redis's port (each command, or each pipeline or transaction, is one
// write answered before the caller goes on: one round trip) and keeps the
// count in BENCH_REDIS_WRITES_FILE, refreshed every 100 ms.
import { writeFileSync } from "node:fs";
import { Socket } from "node:net";

const file = process.env.BENCH_REDIS_WRITES_FILE;
const url = new URL(process.env.REDIS_URL ?? "redis://localhost:6379");
const port = Number(url.port || 6379);
if (file) {
  let writes = 0;
  const write = Socket.prototype.write;
  Socket.prototype.write = function (...args) {
    if (this.remotePort === port) writes++;
    return write.apply(this, args);
  };
  setInterval(() => writeFileSync(file, String(writes)), 100).unref();
}
