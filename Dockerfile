# The bot's image: the same for every process of a sharded deployment (see docker-compose.yml).
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: the runtime dependencies need none, and the build runs below from the sources.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --no-audit --no-fund
ENV NODE_ENV=production
CMD ["node", "dist/discord/main.js"]
