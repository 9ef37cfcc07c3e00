# syntax=docker/dockerfile:1

# Lectern's production image: the multi-stage pattern of Part 7, applied to this site.
#   docker build -t lectern .
#   docker run -p 3000:3000 -v lectern-data:/data -e LECTERN_SECRET=... lectern
# One base image for every stage: better-sqlite3 is compiled against Debian's glibc in deps, so
# the runtime must use the same C library (an Alpine runtime would be musl).
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# ---- deps: every dependency; better-sqlite3 is compiled from source here ----
FROM ${NODE_IMAGE} AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# Compile better-sqlite3 against the headers this image already has, downloading nothing.
ENV npm_config_build_from_source=better-sqlite3 \
    npm_config_nodedir=/usr/local
WORKDIR /app
COPY package.json package-lock.json ./
# The postinstall script (prisma generate) writes the SQLite and PostgreSQL clients from their
# schemas; its Prisma configs read two small modules of lib/db.
COPY prisma/schema.prisma prisma/prisma.config.ts ./prisma/
COPY prisma/postgres/schema.prisma prisma/postgres/prisma.config.ts ./prisma/postgres/
COPY lib/db/url.ts lib/db/sqlite.ts ./lib/db/
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# ---- build: next build (standalone), content manifest, entry point bundle ----
FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1 \
    LECTERN_STANDALONE=1
COPY . .
# public/ may have no files yet (Git keeps no empty folders); the runtime stage copies it.
RUN --mount=type=cache,target=/app/.next/cache mkdir -p public \
 && npm run build \
 && node_modules/.bin/tsx scripts/container/bundle.ts

# ---- runtime: the standalone server and the files it reads, nothing else ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATABASE_URL=file:/data/lectern.db
WORKDIR /app
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/.next/lectern-content.json ./.next/
COPY --from=build /app/.next/container/start.mjs ./
COPY --from=build /app/public ./public
COPY --from=build /app/content/courses ./content/courses
COPY --from=build /app/prisma/migrations ./prisma/migrations
COPY --from=build /app/prisma/postgres/migrations ./prisma/postgres/migrations
# The code stays root-owned; the app may write only its database and Next.js's cache.
RUN mkdir -p /data .next/cache && chown node:node /data .next/cache
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "start.mjs"]
