# syntax=docker/dockerfile:1
# Abu Dhabi talks bot. Build:  docker build -t talks-bot .
# Run:    docker run --rm --env-file .env talks-bot
# Deploy slash commands once:  docker run --rm --env-file .env talks-bot node dist/src/deploy.js

# ---- build: full install, compile TypeScript to dist/ -------------------------------------------
FROM node:20-bookworm-slim AS build
# better-sqlite3 (feedback votes) compiles from source where its prebuilt binary cannot be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# node-gyp builds against the image's own Node headers (no download of them needed).
RUN npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")" npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npm run build

# ---- deps: production dependencies only (native addons built here, no compilers in the image) ----
FROM node:20-bookworm-slim AS deps
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")" npm ci --omit=dev --no-audit --no-fund \
    && npm cache clean --force

# ---- runtime: production dependencies, compiled output and the seed articles only --------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    SOURCES_DIR=/app/seeds \
    LOG_LEVEL=info \
    METRICS_PORT=9464 \
    METRICS_HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# General word vectors for soft matching of question words (npm run vectors makes this file).
COPY assets ./assets
# Owned by the runtime user so /sources-admin add|remove can write (or mount a volume at SOURCES_DIR).
COPY --chown=node:node seeds ./seeds
# DATA_DIR (feedback votes, SQLite): writable by the runtime user; mount a volume here to keep votes.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
# /metrics for Prometheus; /healthz is 200 once an index serves (503 while the first one is built).
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.METRICS_PORT||9464)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# discord.js ShardingManager: SHARD_COUNT shards (auto: Discord's recommendation), one process each; shard N
# serves /healthz and /metrics on METRICS_PORT + N. A single unsharded process: node dist/src/main.js
CMD ["node", "dist/src/shard.js"]
