# syntax=docker/dockerfile:1
# The production image: one image, every role (ROLE=gateway | projector | worker | all).
# Stage 1 builds the server and the web app with every dependency; stage 2 installs production dependencies only;
# the final stage copies both into a clean base and runs as the non-root `node` user.

FROM docker.io/library/node:20-bookworm-slim AS build
# Only for registries behind a private CA (as on the machines this project is built on): passed at build time,
# never written into an image layer.
ARG NODE_EXTRA_CA_CERTS
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM docker.io/library/node:20-bookworm-slim AS deps
ARG NODE_EXTRA_CA_CERTS
WORKDIR /app
COPY package.json package-lock.json ./
# Type declarations, source maps and read-mes are not needed to run: dropping them keeps the image within 1.5x its base.
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts \
 && find node_modules \( -name '*.map' -o -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' -o -iname '*.md' \) -delete \
 && npm cache clean --force

FROM docker.io/library/node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 DATA_DIR=/app/data
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
# The process may write only its data directory (embedded mode and .eml files); the code stays read-only to it.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=10s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/main.js"]
