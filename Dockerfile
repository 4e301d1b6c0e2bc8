# syntax=docker/dockerfile:1
#
# The E2B webhook receiver as a small production image: Next.js standalone
# output on Node 22 LTS, running as the unprivileged `node` user.
#
# Configuration is read at run time only (docker compose's env_file, or
# `docker run --env-file`): no secret is needed, or baked in, at build time.
#
#   docker build -t e2b-webhook-receiver .
#   docker run --env-file .env.docker -p 3000:3000 e2b-webhook-receiver

FROM node:22-bookworm-slim AS base
ENV PNPM_HOME=/pnpm
ENV PATH=/pnpm:$PATH
ENV NEXT_TELEMETRY_DISABLED=1
ENV COREPACK_ENABLE_DOWNLOAD_PROMPT=0
WORKDIR /app
# pnpm at the version package.json's packageManager pins, fetched once here;
# with corepack's network then off, no later stage can fetch another.
COPY package.json ./
RUN corepack enable && corepack install
ENV COREPACK_ENABLE_NETWORK=0

# Dependencies: only re-run when the manifest or the lockfile change.
FROM base AS deps
COPY package.json pnpm-lock.yaml ./
RUN --mount=type=cache,id=pnpm,target=/pnpm/store \
    pnpm install --frozen-lockfile

# Build: the standalone server in .next/standalone, with its assets
# (.next/static, public/) copied inside it by scripts/copy-standalone-assets.mjs.
FROM base AS build
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN pnpm build

# Runtime: the standalone folder (server and assets), nothing else.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
ENV NEXT_TELEMETRY_DISABLED=1
ENV HOSTNAME=0.0.0.0
ENV PORT=3000
WORKDIR /app

# Owned by root and read-only to the server; only Next's cache is writable.
COPY --from=build /app/.next/standalone ./
RUN mkdir -p .next/cache && chown node:node .next/cache

USER node
EXPOSE 3000

# Node itself makes the request: slim images have no curl or wget.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "server.js"]
