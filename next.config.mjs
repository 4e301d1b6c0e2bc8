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
  serverExternalPackages: ["pino", "pino-pretty"],
};

export default nextConfig;
