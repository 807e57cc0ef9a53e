# The help center, built from this checkout and served by the official nginx image with the
# configuration the build writes (each page's CSP, caching, the 301s of former codes, the 404
# page, gzip). From a fresh clone:
#   docker build -t help-center . && docker run -p 8080:80 help-center
# The build's settings are build arguments (README, "Settings"), e.g. a site served under a path:
#   docker build --build-arg SITE_URL=https://example.com/docs/ -t help-center .
# and the files then sit under that path in nginx's root, where the configuration looks for them.

# 1. Node: install exactly the locked packages, build the site, lay it out for nginx.
FROM node:24-bookworm AS build
WORKDIR /help-center
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# The whole checkout, with its git history (the change log reads it; .dockerignore keeps out
# what the build makes itself).
COPY . .
# Build arguments reach the build as environment variables; an empty one counts as unset (then
# SITE_URL is the build's default, DEFAULT_SITE_URL in src/lib/shared/base.ts).
ARG SITE_URL
ARG SUPPORT_EMAIL
ARG FEEDBACK_URL
ARG EMBED_ORIGINS
RUN npm run build && node scripts/docker-layout.ts /out

# 2. nginx: only the built site and its configuration.
FROM nginx:stable-alpine
COPY --from=build /out/default.conf /etc/nginx/conf.d/default.conf
COPY --from=build /out/html/ /usr/share/nginx/html/
