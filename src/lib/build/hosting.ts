/**
 * Host configuration for the built site, from the built site itself (integrations/hosting.ts):
 * `_headers` and `_redirects` for hosts that read them (Netlify, Cloudflare Pages), and an nginx
 * server configuration for self-hosting (the Dockerfile serves it). All three say the same
 * things: each page's own Content Security Policy (the one in its <meta>, src/lib/build/csp.ts) plus
 * `frame-ancestors 'none'`, which a <meta> policy cannot carry; long immutable caching for
 * content-hashed files and short caching for everything else; the usual security headers; and
 * a 301 from each former code of an error to its page.
 *
 * Every URL path is built by `sitePath()` from the site's base path (Astro's `base`), so the
 * files follow the site wherever it is hosted.
 */

import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { pathOfBuiltFile, paths } from '../shared/urls.ts';
import type { GoRule } from '../shared/triage/go.ts';
import { embedFrameAncestors } from '../shared/embed.ts';

type Node = DefaultTreeAdapterMap['node'];

/** What the host configuration is made from. */
export interface HostedSite {
  /** Astro's `base`: '/' or a path such as '/docs/'. */
  base: string;
  /** The public address (SITE_URL): Strict-Transport-Security is sent only for https. */
  site: string;
  /** Every page with a CSP <meta>: its file (relative to the build, '/'-separated) and that policy. */
  pages: { file: string; csp: string }[];
  /** Every file of the build, relative, '/'-separated. */
  files: string[];
  /** Each former code and the code of the error it now is. */
  redirects: { from: string; to: string }[];
  /** The /go/ links the host answers itself (src/lib/shared/triage/go.ts `goRules`); none when absent. */
  go?: GoRule[];
  /** The origins that may frame the error cards (EMBED_ORIGINS, src/lib/shared/embed.ts); none when absent. */
  embedOrigins?: string[];
}

/** The error cards (/embed/…): the only pages another site may frame. */
export const isEmbedPage = (file: string): boolean => file.startsWith('embed/') && file.endsWith('.html');

/**
 * What other sites read with fetch or import (the <qbo-sync-help> component's data and
 * recogniser, and the triage data it reads): sent with Access-Control-Allow-Origin: *, public data.
 */
export const CROSS_ORIGIN_FILES: readonly string[] = [
  paths.embedData(),
  paths.embedScript(),
  paths.embedMatcher(),
  paths.triageData(),
].map((p) => p.slice(1));

/** The frame-ancestors a page is sent with: the cards' listed origins, 'none' everywhere else. */
export function frameAncestors(hosted: Pick<HostedSite, 'embedOrigins'>, file: string): string {
  return isEmbedPage(file) ? embedFrameAncestors(hosted.embedOrigins ?? []) : "'none'";
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT = 'public, max-age=0, must-revalidate';

/**
 * Files whose names change when their content does, so a browser or CDN may keep them for a
 * year: Vite's bundles (/_astro/) and Pagefind's index chunks and metadata, named by their hash
 * (fragment/en_1a182ea.pf_fragment, pagefind.en_15e96c9640.pf_meta). Pagefind's entry point,
 * pagefind-entry.json (which names the current metadata), its scripts and its WebAssembly keep
 * their names from build to build and are cached briefly like the pages.
 */
const HASHED: readonly { pattern: string; test: RegExp }[] = [
  { pattern: '_astro/*', test: /^_astro\/.+\.[A-Za-z0-9_-]{8}\.[a-z0-9]+$/ },
  { pattern: 'pagefind/fragment/*', test: /^pagefind\/fragment\/[a-z]+_[0-9a-f]+\.pf_fragment$/ },
  { pattern: 'pagefind/index/*', test: /^pagefind\/index\/[a-z]+_[0-9a-f]+\.pf_index$/ },
  { pattern: 'pagefind/filter/*', test: /^pagefind\/filter\/[a-z]+_[0-9a-f]+\.pf_filter$/ },
];
const PAGEFIND_META = /^pagefind\/pagefind\.[a-z]+_[0-9a-f]+\.pf_meta$/;

/** Whether a file of the build (relative path) is content-hashed and cached for a year. */
export function isHashed(file: string): boolean {
  return PAGEFIND_META.test(file) || HASHED.some(({ test }) => test.test(file));
}

/** A URL path under the site's base: sitePath('/docs/', 'categories/x/') → '/docs/categories/x/'. */
export function sitePath(base: string, path: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root.startsWith('/') ? root : `/${root}`}${path.replace(/^\/+/, '')}`;
}

/** The address a built HTML file answers under `base` (pathOfBuiltFile, src/lib/shared/urls.ts). */
export function pagePath(base: string, file: string): string {
  return sitePath(base, pathOfBuiltFile(file));
}

/** The policy a host sends for a page: the page's own, plus what only a header can say. */
export function headerPolicy(metaPolicy: string, ancestors = "'none'"): string {
  return `${metaPolicy.trim().replace(/;\s*$/, '')}; frame-ancestors ${ancestors}`;
}

/** The page's CSP <meta> content, or undefined when it has none. */
export function metaPolicy(html: string): string | undefined {
  const walk = (node: Node): string | undefined => {
    if ('tagName' in node && node.tagName === 'meta') {
      const attr = (name: string) => node.attrs.find((a) => a.name === name)?.value;
      if (attr('http-equiv')?.toLowerCase() === 'content-security-policy') return attr('content') ?? '';
    }
    const children = 'childNodes' in node ? node.childNodes : [];
    for (const child of children) {
      const found = walk(child);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(parse(html));
}

/** Headers every response carries. */
export function securityHeaders(site: string): [string, string][] {
  return [
    ['X-Content-Type-Options', 'nosniff'],
    // For browsers without CSP frame-ancestors, and for the 404 page, which a host serves at any path.
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'],
    ...(new URL(site).protocol === 'https:'
      ? [['Strict-Transport-Security', 'max-age=31536000'] as [string, string]]
      : []),
  ];
}

/** Each former code's path and the page it now is (with and without the trailing slash). */
export function redirectPaths(hosted: Pick<HostedSite, 'base' | 'redirects'>): { from: string; to: string }[] {
  return hosted.redirects.flatMap(({ from, to }) => {
    const target = sitePath(hosted.base, paths.error(to));
    const old = sitePath(hosted.base, paths.error(from));
    return [
      { from: old, to: target },
      { from: old.slice(0, -1), to: target },
    ];
  });
}

const sorted = <T>(items: T[], key: (item: T) => string) =>
  [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** Files served briefly that are not pages: JSON, the sitemap, Pagefind's unhashed files… */
function shortFiles(hosted: HostedSite): string[] {
  const pages = new Set(hosted.pages.map((p) => p.file));
  return hosted.files.filter((f) => !isHashed(f) && !pages.has(f) && !f.endsWith('.html') && !f.startsWith('_')).sort();
}

/**
 * `_headers` (Netlify and Cloudflare Pages). No two rules set the same header for one path:
 * both hosts join the values of every matching rule with a comma, which would make two CSPs
 * or a contradictory Cache-Control.
 */
export function headersFile(hosted: HostedSite): string {
  const block = (path: string, headers: [string, string][]) =>
    `${path}\n${headers.map(([n, v]) => `  ${n}: ${v}`).join('\n')}\n`;
  const blocks = [block(sitePath(hosted.base, '*'), securityHeaders(hosted.site))];
  for (const { pattern } of HASHED) blocks.push(block(sitePath(hosted.base, pattern), [['Cache-Control', IMMUTABLE]]));
  for (const file of hosted.files.filter((f) => PAGEFIND_META.test(f)).sort())
    blocks.push(block(sitePath(hosted.base, file), [['Cache-Control', IMMUTABLE]]));
  for (const page of sorted(hosted.pages, (p) => p.file)) {
    blocks.push(
      block(pagePath(hosted.base, page.file), [
        ['Content-Security-Policy', headerPolicy(page.csp, frameAncestors(hosted, page.file))],
        ['Cache-Control', SHORT],
      ]),
    );
  }
  for (const file of shortFiles(hosted)) {
    blocks.push(
      block(sitePath(hosted.base, file), [
        ['Cache-Control', SHORT],
        ...(CROSS_ORIGIN_FILES.includes(file) ? [['Access-Control-Allow-Origin', '*'] as [string, string]] : []),
      ]),
    );
  }
  return `# Generated by the build (src/lib/build/hosting.ts): HTTP headers for Netlify and Cloudflare Pages.\n${blocks.join('\n')}`;
}

/** `_redirects` (Netlify and Cloudflare Pages): a 301 from each former code to its error. */
export function redirectsFile(hosted: Pick<HostedSite, 'base' | 'redirects'>): string {
  const lines = redirectPaths(hosted).map(({ from, to }) => `${from} ${to} 301`);
  return `# Generated by the build (src/lib/build/hosting.ts): former codes of errors, moved for good.\n${lines.join('\n')}${lines.length ? '\n' : ''}`;
}

const quote = (value: string) => {
  if (/["\\\n]/.test(value)) throw new Error(`cannot write ${value} into the nginx configuration`);
  return `"${value}"`;
};
const regex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The /go/ link contract answered by nginx, so that a link from the app or support opens its
 * error with or without JavaScript: a 302 (what a fault means can grow) for every known `code`,
 * and for every known `qb` fault with or without a `record`, when no `code` is given (the page
 * lets `code` win, known or not). Anything else is served the /go/ page, whose script answers it.
 */
function goMaps(hosted: HostedSite): { maps: string; location: string } {
  const rules = hosted.go ?? [];
  if (!rules.length) return { maps: '', location: '' };
  const to = (path: string) => quote(sitePath(hosted.base, path));
  const codes = rules.filter((r) => r.code !== undefined).map((r) => `  ${quote(r.code!)} ${to(r.to)};`);
  // A fault code as logs print it may have leading zeros (qb=003001 is fault 3001): a regular expression each.
  const faults = rules
    .filter((r) => r.qb !== undefined)
    .map((r) => `  ${quote(`~^[|]0*${r.qb}[|]${r.record ?? ''}$`)} ${to(r.to)};`);
  const maps = `map $arg_code $help_go_code {
  default "";
${codes.join('\n')}
}

map "$arg_code|$arg_qb|$arg_record" $help_go_fault {
  default "";
${faults.join('\n')}
}

`;
  const location = `  # /go/ (the link contract): known codes and faults answered here, the rest by the page.
  location = ${sitePath(hosted.base, paths.go())} {
    if ($help_go_code) { return 302 $help_go_code; }
    if ($help_go_fault) { return 302 $help_go_fault; }
  }

`;
  return { maps, location };
}

/**
 * A server block for nginx (the official image reads it from /etc/nginx/conf.d/), serving the
 * build from `root` on `listen`: the same headers, caching and 301s as `_headers` and
 * `_redirects`, the site's 404 page, and gzip. Per-page values come from `map`s on $uri (after
 * `index`, a page's $uri is its index.html; the 404 page's is /404.html), so one set of
 * add_header at the server level covers every response (an add_header inside a location would
 * silently drop the server's).
 */
export function nginxConf(hosted: HostedSite, { root = '/usr/share/nginx/html', listen = '80' } = {}): string {
  const csp = sorted(hosted.pages, (p) => p.file).flatMap((p) => {
    const value = quote(headerPolicy(p.csp, frameAncestors(hosted, p.file)));
    const file = sitePath(hosted.base, p.file);
    const path = pagePath(hosted.base, p.file);
    return path === file
      ? [`  ${quote(file)} ${value};`]
      : [`  ${quote(path)} ${value};`, `  ${quote(file)} ${value};`];
  });
  const immutable = [
    ...HASHED.map(({ pattern }) => `${regex(sitePath(hosted.base, pattern.slice(0, -1)))}`),
    `${regex(sitePath(hosted.base, 'pagefind/pagefind.'))}[^/]+\\.pf_meta$`,
  ];
  const headers = [
    ['Content-Security-Policy', '$help_csp'],
    ['Cache-Control', '$help_cache'],
    ['Access-Control-Allow-Origin', '$help_cors'],
    ...securityHeaders(hosted.site).map(([n, v]) => [n, quote(v)]),
  ];
  const base = sitePath(hosted.base, '');
  const go = goMaps(hosted);
  // A map's keys must fit its hash buckets (nginx refuses to start otherwise): a power of two.
  const longest = Math.max(0, ...hosted.pages.map((p) => sitePath(hosted.base, p.file).length));
  let bucket = 64;
  while (bucket < longest + 32) bucket *= 2;
  return `# Generated by the build (src/lib/build/hosting.ts): nginx server for the help center.
# The official nginx image reads it from /etc/nginx/conf.d/ (see Dockerfile).

map_hash_bucket_size ${bucket};

map $uri $help_csp {
  default "";
${csp.join('\n')}
}

map $uri $help_cors {
  default "";
${CROSS_ORIGIN_FILES.filter((f) => hosted.files.includes(f))
  .map((f) => `  ${quote(sitePath(hosted.base, f))} "*";`)
  .join('\n')}
}

${go.maps}map $uri $help_cache {
  default ${quote(SHORT)};
${immutable.map((r) => `  ~^${r} ${quote(IMMUTABLE)};`).join('\n')}
}

server {
  listen ${listen};
  server_name _;
  root ${root};
  index index.html;
  server_tokens off;
  # Redirects say only the path, so they work behind a proxy or CDN whatever its host and port.
  absolute_redirect off;

  gzip on;
  gzip_vary on;
  gzip_min_length 256;
  # text/html is always compressed; Pagefind's index files are gzipped already.
  gzip_types text/css text/plain text/xml application/javascript application/json application/xml image/svg+xml application/wasm;

${headers.map(([n, v]) => `  add_header ${n} ${v} always;`).join('\n')}

  error_page 404 ${sitePath(hosted.base, '404.html')};

${redirectPaths(hosted)
  .map(({ from, to }) => `  location = ${from} { return 301 ${to}; }`)
  .join('\n')}

${go.location}  # The host files of the build are not pages.
  location ~ ^${regex(base)}_(headers|redirects|nginx\\.conf)$ { return 404; }

  location ${base} {
    try_files $uri $uri/ =404;
  }
}
`;
}
