import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keptOffline, offlinePage, offlineSite } from '../../scripts/lib/export/site.ts';

const PAGE = `<!DOCTYPE html><html><head><link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/_astro/Base.css"><link rel="sitemap" href="/sitemap-index.xml"><link rel="canonical" href="https://help.example.com/errors/a/"></head><body><a href="/">Home</a><a href="/errors/b/#how-to-fix">B</a><a href="#main">Skip</a><a href="mailto:s@example.com">Mail</a><form action="/search/" method="get"></form><template><a href="/errors/">A–Z</a></template><script type="module" src="/_astro/SearchForm.js"></script><script type="module">customElements.define('x-y', class extends HTMLElement {});</script></body></html>`;
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

test('a page: relative links to files, module scripts out, the classic script in', () => {
  const { html, removedScripts } = offlinePage(PAGE, 'errors/a/index.html', ['/search.js']);
  assert.deepEqual(removedScripts, ['/_astro/SearchForm.js']);
  assert.match(html, /href="\.\.\/\.\.\/favicon\.svg"/);
  assert.match(html, /href="\.\.\/\.\.\/_astro\/Base\.css"/);
  assert.match(html, /href="\.\.\/\.\.\/index\.html">Home/);
  assert.match(html, /href="\.\.\/b\/index\.html#how-to-fix"/);
  assert.match(html, /action="\.\.\/\.\.\/search\/index\.html"/);
  assert.match(html, /<template><a href="\.\.\/index\.html">/);
  assert.match(html, /href="#main"/);
  assert.match(html, /href="mailto:s@example\.com"/);
  assert.match(html, /href="https:\/\/help\.example\.com\/errors\/a\/"/, 'the canonical address stays absolute');
  assert.doesNotMatch(html, /rel="sitemap"/);
  assert.doesNotMatch(html, /SearchForm\.js/);
  assert.match(html, /<script type="module">customElements/, 'an inline module script stays');
  assert.match(html, /<script defer src="\.\.\/\.\.\/search\.js"><\/script><\/head>/);
});

test('a redirect page follows its target offline', () => {
  const { html } = offlinePage(
    '<html><head><meta http-equiv="refresh" content="0;url=/errors/new/"></head><body></body></html>',
    'errors/old/index.html',
    [],
  );
  assert.match(html, /content="0;url=\.\.\/new\/index\.html"/);
});

test('what the copy leaves out', () => {
  for (const p of [
    'pagefind/pagefind.js',
    'search-data.json',
    'search-data/manifest.json',
    '_astro/page.js',
    'sitemap-0.xml',
    'robots.txt',
    'print/index.html',
    '_headers',
    '_redirects',
    '_nginx.conf',
  ])
    assert.equal(keptOffline(p), false, p);
  for (const p of ['index.html', '_astro/Base.css', 'favicon.svg', 'errors/a/index.html', 'errors.json'])
    assert.equal(keptOffline(p), true, p);
  // The copies for assistants and the feed link to the online site: left out, and so are the links to them.
  for (const p of ['llms.txt', 'llms-full.txt', 'errors/a.md', 'changes.xml']) assert.equal(keptOffline(p), false, p);
  // The link previews are for links to the online site (og:image keeps its online address).
  assert.equal(keptOffline('og/a.png'), false);
  assert.equal(keptOffline('changes/index.html'), true);
  const { html } = offlinePage(
    '<html><head><link rel="alternate" type="text/markdown" href="/errors/a.md"></head><body></body></html>',
    'errors/a/index.html',
    [],
  );
  assert.doesNotMatch(html, /alternate|a\.md/);
});

test('the whole copy: pages rewritten, CSS urls too, and every link checked', () => {
  const build = new Map([
    ['index.html', enc('<html><head></head><body><a href="/errors/a/">A</a></body></html>')],
    ['errors/a/index.html', enc(PAGE)],
    ['errors/b/index.html', enc('<html><head></head><body></body></html>')],
    ['errors/index.html', enc('<html><head></head><body></body></html>')],
    ['search/index.html', enc('<html><head></head><body></body></html>')],
    ['favicon.svg', enc('<svg/>')],
    ['_astro/Base.css', enc('a{background:url(/_astro/x.png)}b{background:url("data:x")}')],
    ['_astro/x.png', new Uint8Array([1])],
    ['_astro/SearchForm.js', enc('import "./x.js"')],
    ['pagefind/pagefind.js', enc('')],
  ]);
  const copy = offlineSite(build, new Map([['search.js', enc('')]]), ['/search.js']);
  assert.deepEqual(copy.problems, []);
  assert.equal(copy.pages, 5);
  assert.deepEqual(copy.dropped, ['_astro/SearchForm.js', 'pagefind/pagefind.js']);
  assert.equal(dec(copy.files.get('_astro/Base.css')), 'a{background:url(x.png)}b{background:url("data:x")}');
  assert.ok(copy.files.has('search.js'));

  build.delete('errors/b/index.html');
  const broken = offlineSite(build, new Map([['search.js', enc('')]]), ['/search.js']);
  assert.deepEqual(broken.problems, [
    'errors/a/index.html: ../b/index.html#how-to-fix points at errors/b/index.html, which the offline copy lacks',
  ]);
});

test('a build for a subpath (SITE_URL https://host/docs/): its links under /docs/ become relative, one outside it is a problem', () => {
  const page = (body: string) =>
    enc(
      `<html><head><link rel="canonical" href="https://help.example.com/docs/"><link rel="icon" href="/docs/favicon.svg"></head><body>${body}</body></html>`,
    );
  const build = new Map([
    [
      'index.html',
      page('<a href="/docs/errors/a/#how-to-fix">A</a><a href="/docs/">Home</a><form action="/docs/search/"></form>'),
    ],
    ['errors/a/index.html', page('<a href="/docs/">Home</a><a href="/errors/">escapes</a>')],
    ['errors/index.html', page('')],
    ['search/index.html', page('')],
    ['favicon.svg', enc('<svg/>')],
  ]);
  const copy = offlineSite(build, new Map(), []);
  assert.match(
    dec(copy.files.get('index.html')),
    /<a href="errors\/a\/index\.html#how-to-fix">A<\/a><a href="index\.html">Home<\/a><form action="search\/index\.html">/,
  );
  assert.match(dec(copy.files.get('errors/a/index.html')), /<link rel="icon" href="\.\.\/\.\.\/favicon\.svg">/);
  assert.deepEqual(copy.problems, ["errors/a/index.html: /errors/ still points at the site's root"]);
});
