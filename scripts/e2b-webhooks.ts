/**
 * `pnpm e2b:webhooks <command>`: registers and inspects this receiver's
 * webhook with E2B's API. Run with `--help` for the commands.
 */
import { runCli } from "./e2b-webhooks/run";

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exitCode = code;
