# One image for every role: `npm start` with ROLE=web or ROLE=worker (see docs/operations.md).
# Postgres and the S3 store are outside it (compose.yaml runs both).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN NEXT_TELEMETRY_DISABLED=1 npx next build && npm run bundle --silent && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build --chown=node:node /app /app
# A named volume mounted here starts with this folder's owner, so the app can write to it.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# SIGTERM reaches node directly: a web process closes its sockets so clients reconnect elsewhere,
# a worker finishes its diffusion step and hands the generation back.
CMD ["node", ".build/scripts/start.mjs"]
