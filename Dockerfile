# The help center served by the official nginx image, with the configuration the build writes
# (dist/_nginx.conf: each page's CSP, caching, the 301s of former codes, the 404 page, gzip).
# Build the site first (npm ci && npm run build), then: docker build -t help-center . &&
# docker run -p 8080:80 help-center
FROM nginx:stable-alpine
COPY dist/_nginx.conf /etc/nginx/conf.d/default.conf
COPY dist/ /usr/share/nginx/html/
# The host files are configuration, not pages.
RUN rm /usr/share/nginx/html/_headers /usr/share/nginx/html/_redirects /usr/share/nginx/html/_nginx.conf
