# The standalone Turn-taking engine (`npm run engine`) as an image, for an app deployed on
# Vercel or anywhere else to reach by URL:  docker build -t roundtable-engine .
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
# Compiled JavaScript in dist/ (no tsx at run time); dev dependencies are only needed to build.
RUN npm ci --no-audit --no-fund && npm run build:server && npm prune --omit=dev --no-audit --no-fund
ENV NODE_ENV=production HOST=0.0.0.0 ENGINE_PORT=4100
EXPOSE 4100
# Migrations apply on start; keys: docker exec … node dist/engine-keys.js create --name my-app
CMD ["node", "--enable-source-maps", "dist/engine.js"]
