# The one runtime image: every Cloud Run service and job runs it with different arguments
# (see runtime/catalog/roles.ts). The CLI is TypeScript run through tsx, a runtime dependency,
# so production dependencies are all it needs; there is no build step.
FROM node:20-slim

ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY tsconfig.json ./
COPY bin ./bin
COPY runtime ./runtime
COPY configs ./configs
# No infra/: the runtime imports it only inside `infra check` and `plan-review`, which run on a
# developer's machine or in CI, never in a service or job. .ci/image-layout-check reproduces
# this COPY list and `npm ci --omit=dev`, runs `nba-props --help` and starts a service.

# Cloud Run sends PORT; `serve` listens there and answers /health/live for the start-up probe.
ENV PORT=8080
EXPOSE 8080

USER node
ENTRYPOINT ["node", "bin/nba-props.js"]
