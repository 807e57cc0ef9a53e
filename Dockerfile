# The help center served by the official nginx image, with the configuration the build writes
# (dist/_nginx.conf: each page's CSP, caching, the 301s of former codes, the 404 page, gzip).
# Build the site first (npm ci && npm run build), then: docker build -t help-center . &&
# docker run -p 8080:80 help-center
# A site built for a path (SITE_URL=https://example.com/docs/) is served under that path: pass the
# same path, docker build --build-arg BASE_PATH=/docs/ …, and the files go under it in nginx's root.
FROM nginx:stable-alpine
ARG BASE_PATH=/
COPY dist/_nginx.conf /etc/nginx/conf.d/default.conf
COPY dist/ /usr/share/nginx/html${BASE_PATH}
# The host files are configuration, not pages.
RUN rm /usr/share/nginx/html${BASE_PATH}_headers /usr/share/nginx/html${BASE_PATH}_redirects /usr/share/nginx/html${BASE_PATH}_nginx.conf
