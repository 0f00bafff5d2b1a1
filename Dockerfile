# syntax=docker/dockerfile:1
# Abu Dhabi talks bot. Build:  docker build -t talks-bot .
# Run:    docker run --rm --env-file .env talks-bot
# Deploy slash commands once:  docker run --rm --env-file .env talks-bot node dist/src/deploy.js

# ---- build: full install, compile TypeScript to dist/ -------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npm run build

# ---- runtime: production dependencies, compiled output and the seed articles only --------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    SOURCES_DIR=/app/seeds \
    LOG_LEVEL=info \
    METRICS_PORT=9464 \
    METRICS_HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# General word vectors for soft matching of question words (npm run vectors makes this file).
COPY assets ./assets
# Owned by the runtime user so /sources-admin add|remove can write (or mount a volume at SOURCES_DIR).
COPY --chown=node:node seeds ./seeds
USER node
# /metrics for Prometheus; /healthz is 200 once an index serves (503 while the first one is built).
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.METRICS_PORT||9464)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# discord.js ShardingManager: SHARD_COUNT shards (auto: Discord's recommendation), one process each; shard N
# serves /healthz and /metrics on METRICS_PORT + N. A single unsharded process: node dist/src/main.js
CMD ["node", "dist/src/shard.js"]
