// Preloaded into the production server for the Redis run, with
// NODE_OPTIONS="--import <this file>": counts the writes the process makes
// to Redis's port, by the first command in each (a command, or a pipeline
// or transaction sent as one write and answered before the caller goes on:
// one round trip each), and keeps the counts as JSON in
// BENCH_REDIS_WRITES_FILE, refreshed every 100 ms.
import { renameSync, writeFileSync } from "node:fs";
import { Socket } from "node:net";

const file = process.env.BENCH_REDIS_WRITES_FILE;
const url = new URL(process.env.REDIS_URL ?? "redis://localhost:6379");
const port = Number(url.port || 6379);
// RESP: *<count>\r\n$<length>\r\n<name>\r\n...
const FIRST_COMMAND = /^\*\d+\r\n\$\d+\r\n([A-Za-z]+)/;

if (file) {
  const writes = {};
  const write = Socket.prototype.write;
  Socket.prototype.write = function (chunk, ...rest) {
    if (this.remotePort === port) {
      const head = String(chunk).slice(0, 40);
      const name = FIRST_COMMAND.exec(head)?.[1]?.toLowerCase() ?? "other";
      writes[name] = (writes[name] ?? 0) + 1;
    }
    return write.call(this, chunk, ...rest);
  };
  // Written aside, then renamed: the bench reads the file at any moment
  // and must never find it truncated halfway through a write.
  const aside = `${file}.part`;
  setInterval(() => {
    writeFileSync(aside, JSON.stringify(writes));
    renameSync(aside, file);
  }, 100).unref();
}
