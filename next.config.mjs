/**
 * Runtime configuration (the webhook secret, every WEBHOOK_* setting) is read
 * from process.env when the server runs, never here: nothing in this file may
 * inline it into the build.
 *
 * @type {import("next").NextConfig}
 */
const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  // The build type-checks the server's own code only; tests, scripts and
  // benchmarks are checked by `pnpm typecheck`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  serverExternalPackages: ["pino", "pino-pretty"],
};

export default nextConfig;
