/** The options a parent passed to this worker process as JSON (argv[2]). */
export function readWorkerOptions<T>(): T {
  const text = process.argv[2];
  if (!text) throw new Error("worker started without its JSON options");

  return JSON.parse(text) as T;
}

const MARK = "BENCH-RESULT ";

/** Hands the worker's result to its parent: one marked line on stdout. */
export function reply(result: unknown): void {
  process.stdout.write(`${MARK}${JSON.stringify(result)}\n`);
}

/** The result a worker printed, from its whole stdout. */
export function readReply<T>(stdout: string): T {
  const line = stdout.split("\n").find((l) => l.startsWith(MARK));
  if (!line) throw new Error(`worker printed no result:\n${stdout}`);

  return JSON.parse(line.slice(MARK.length)) as T;
}
