// `pnpm start`: the production standalone server, with the environment files
// Next.js reads in production (.env.production.local, .env.local,
// .env.production, .env) from the current folder; variables already set in
// the environment win. The Docker image runs server.js directly and takes
// its settings from the container's environment instead.
import { existsSync } from "node:fs";
import nextEnv from "@next/env";

const server = new URL("../.next/standalone/server.js", import.meta.url);
if (!existsSync(server)) {
  console.error("[e2b-webhook] No production build: run `pnpm build` first.");
  process.exit(1);
}

const quiet = { info: () => {}, error: console.error };
nextEnv.loadEnvConfig(process.cwd(), false, quiet);
await import(server.href);
