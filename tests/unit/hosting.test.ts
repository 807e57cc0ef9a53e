import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  IMMUTABLE,
  SHORT,
  headersFile,
  isHashed,
  metaPolicy,
  nginxConf,
  pagePath,
  redirectsFile,
  sitePath,
  type HostedSite,
} from '../../src/lib/build/hosting.ts';

const POLICY = "default-src 'self'; script-src 'none'";
const hosted = (over: Partial<HostedSite> = {}): HostedSite => ({
  base: '/',
  site: 'https://help.example.com',
  pages: [
    { file: 'index.html', csp: POLICY },
    { file: 'errors/item-duplicate/index.html', csp: "default-src 'self'; script-src 'self' 'sha256-abc='" },
    { file: '404.html', csp: POLICY },
  ],
  files: [
    'index.html',
    '404.html',
    'errors/item-duplicate/index.html',
    '_astro/page.y1TizNml.js',
    'errors.json',
    'pagefind/pagefind.js',
    'pagefind/pagefind-entry.json',
    'pagefind/pagefind.en_15e96c9640.pf_meta',
    'pagefind/fragment/en_1a182ea.pf_fragment',
  ],
  redirects: [{ from: 'invoice-deleted', to: 'invoice-removed-in-quickbooks' }],
  ...over,
});

/** The _headers file as path → [header, value][] (one rule per path). */
function rules(text: string): Map<string, [string, string][]> {
  const map = new Map<string, [string, string][]>();
  let path = '';
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) {
      assert.ok(!map.has(line), `one rule per path: ${line}`);
      map.set((path = line), []);
    } else {
      const [name, ...value] = line.trim().split(': ');
      map.get(path)!.push([name!, value.join(': ')]);
    }
  }
  return map;
}

test('paths come from the base: pages answer at their folder', () => {
  assert.equal(pagePath('/', 'index.html'), '/');
  assert.equal(pagePath('/', 'errors/x/index.html'), '/errors/x/');
  assert.equal(pagePath('/', '404.html'), '/404.html');
  assert.equal(pagePath('/docs/', 'errors/x/index.html'), '/docs/errors/x/');
  assert.equal(sitePath('/docs', '_astro/*'), '/docs/_astro/*');
});

test("content-hashed files are told apart from Pagefind's files that keep their names", () => {
  for (const f of [
    '_astro/page.y1TizNml.js',
    '_astro/SearchForm.astro_astro_type_script_index_0_lang.BuDTbe-J.js',
    'pagefind/pagefind.en_15e96c9640.pf_meta',
    'pagefind/fragment/en_1a182ea.pf_fragment',
    'pagefind/index/en_1.pf_index',
    'pagefind/filter/en_c74a4de.pf_filter',
  ])
    assert.ok(isHashed(f), f);
  for (const f of [
    'pagefind/pagefind.js',
    'pagefind/pagefind-entry.json',
    'pagefind/wasm.en.pagefind',
    'errors.json',
    'index.html',
    'favicon.svg',
  ])
    assert.ok(!isHashed(f), f);
});

test("_headers: each page's own CSP plus frame-ancestors, caching by kind, security headers, never two values for one header", () => {
  const headers = rules(headersFile(hosted()));
  const get = (path: string, name: string) => headers.get(path)?.find(([n]) => n === name)?.[1];
  assert.equal(
    get('/errors/item-duplicate/', 'Content-Security-Policy'),
    "default-src 'self'; script-src 'self' 'sha256-abc='; frame-ancestors 'none'",
  );
  assert.equal(get('/', 'Content-Security-Policy'), `${POLICY}; frame-ancestors 'none'`);
  assert.equal(get('/', 'Cache-Control'), SHORT);
  assert.equal(get('/_astro/*', 'Cache-Control'), IMMUTABLE);
  assert.equal(get('/pagefind/fragment/*', 'Cache-Control'), IMMUTABLE);
  assert.equal(get('/pagefind/pagefind.en_15e96c9640.pf_meta', 'Cache-Control'), IMMUTABLE);
  assert.equal(get('/pagefind/pagefind.js', 'Cache-Control'), SHORT);
  assert.equal(get('/pagefind/pagefind-entry.json', 'Cache-Control'), SHORT);
  assert.equal(get('/errors.json', 'Cache-Control'), SHORT);
  assert.equal(get('/*', 'X-Content-Type-Options'), 'nosniff');
  assert.equal(get('/*', 'Strict-Transport-Security'), 'max-age=31536000');
  assert.equal(get('/*', 'Cache-Control'), undefined, 'hosts join the values of every matching rule');
  assert.equal(get('/*', 'Content-Security-Policy'), undefined);
  assert.equal(
    rules(headersFile(hosted({ site: 'http://intranet.local' })))
      .get('/*')!
      .find(([n]) => n === 'Strict-Transport-Security'),
    undefined,
    'no HSTS over http',
  );
});

test('_redirects: a 301 from each former code, with and without its slash; a base path prefixes every path', () => {
  assert.deepEqual(
    redirectsFile(hosted())
      .split('\n')
      .filter((l) => l && !l.startsWith('#')),
    [
      '/errors/invoice-deleted/ /errors/invoice-removed-in-quickbooks/ 301',
      '/errors/invoice-deleted /errors/invoice-removed-in-quickbooks/ 301',
    ],
  );
  assert.match(
    redirectsFile(hosted({ base: '/docs/' })),
    /^\/docs\/errors\/invoice-deleted\/ \/docs\/errors\/invoice-removed-in-quickbooks\/ 301$/m,
  );
  assert.match(headersFile(hosted({ base: '/docs/' })), /^\/docs\/_astro\/\*$/m);
});

test('nginx: per-page CSP by $uri (folder and index.html), 301s, the 404 page, root and port as asked', () => {
  const conf = nginxConf(hosted(), { root: '/srv/site', listen: '127.0.0.1:8080' });
  assert.match(
    conf,
    /^ {2}"\/errors\/item-duplicate\/index\.html" "default-src 'self'; script-src 'self' 'sha256-abc='; frame-ancestors 'none'";$/m,
  );
  assert.match(conf, /^ {2}"\/errors\/item-duplicate\/" /m);
  assert.match(
    conf,
    /^ {2}location = \/errors\/invoice-deleted\/ \{ return 301 \/errors\/invoice-removed-in-quickbooks\/; \}$/m,
  );
  assert.match(conf, /^ {2}error_page 404 \/404\.html;$/m);
  assert.match(conf, /^ {2}root \/srv\/site;$/m);
  assert.match(conf, /^ {2}listen 127\.0\.0\.1:8080;$/m);
  assert.match(conf, /^ {2}gzip on;$/m);
  assert.throws(() => nginxConf(hosted({ pages: [{ file: 'index.html', csp: 'x "; evil' }] })), /cannot write/);
});

test("a page's CSP is read from its <meta>", () => {
  assert.equal(
    metaPolicy(`<html><head><meta http-equiv="Content-Security-Policy" content="${POLICY}"></head></html>`),
    POLICY,
  );
  assert.equal(metaPolicy('<html><head></head></html>'), undefined);
});
