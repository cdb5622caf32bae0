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
# `nba-props infra check` is part of the CLI; it needs only the policy engine, not cdktf.
COPY infra/policy ./infra/policy

USER node
ENTRYPOINT ["node", "bin/nba-props.js"]
