/**
 * `pnpm e2b:webhooks <command>`: registers and inspects this receiver's
 * webhook with E2B's API. Run with `--help` for the commands.
 */
import { loadEnvFiles } from "./e2b-webhooks/env-files";
import { runCli } from "./e2b-webhooks/run";

// A reader that stops early (`| head`) closes the pipe: nothing is wrong,
// and a stack trace about EPIPE would only confuse.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

const err = (text: string) => void process.stderr.write(text);
loadEnvFiles(process.cwd(), err);

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (text) => process.stdout.write(text),
  err,
});
process.exitCode = code;
