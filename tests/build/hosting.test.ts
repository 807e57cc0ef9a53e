/**
 * The host configuration the build writes (_headers, _redirects, _nginx.conf), checked against
 * what the built pages need, and nginx serving the build with it (where nginx is installed).
 * One build of a copy in which an error was renamed, so that there is a former code to redirect.
 */
import { pathOfBuiltFile } from '../../src/lib/shared/urls.ts';
import { GO_CASES } from '../go-cases.ts';
import { GO_RECORDS, goRules } from '../../src/lib/shared/triage/go.ts';
import { triageIndex } from '../../src/lib/shared/triage/recognise.ts';
import type { TriageData } from '../../src/lib/shared/triage/data.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { rename, withCopy } from './build-copy.ts';
import { nginxMissing, startNginx } from './nginx.ts';
import { dockerLayout } from '../../scripts/docker-layout.ts';

const IMMUTABLE = /\bmax-age=31536000\b.*\bimmutable\b/;
const SHORT = /\bmax-age=0\b/;
const FRAME = "frame-ancestors 'none'";

const filesOf = (dist: string) =>
  readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dist, join(e.parentPath, e.name)).split(sep).join('/'));
const metaPolicy = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
/** The path a page answers at: errors/x/index.html → /errors/x/. */
/** Content-hashed names: Vite's bundles, Pagefind's chunks and metadata (a hex hash in the name). */
const hashed = (file: string) => file.startsWith('_astro/') || /^pagefind\/.*_[0-9a-f]{7,}\.pf_[a-z]+$/.test(file);

/** _headers as rules in order: a path pattern and its headers. */
function headerRules(text: string) {
  const rules: { pattern: RegExp; path: string; headers: Map<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
      rules.push({ path: line.trim(), pattern: new RegExp(`^${source}$`), headers: new Map() });
    } else {
      const at = line.indexOf(':');
      rules.at(-1)!.headers.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
    }
  }
  return rules;
}
/** Every value a host sends for a header at a path (both hosts join the matching rules' values). */
const valuesAt = (rules: ReturnType<typeof headerRules>, path: string, name: string) =>
  rules.filter((r) => r.pattern.test(path) && r.headers.has(name)).map((r) => r.headers.get(name)!);

test('the host files give every page its CSP with frame-ancestors, cache hashed files for good, and 301 former codes; nginx serves them', async (t) => {
  await withCopy(async ({ content, build, dir }) => {
    rename(content, true);
    const { status, output, dist } = build({ SITE_URL: 'https://docs.test.example' });
    assert.equal(status, 0, output.slice(-3000));
    const files = filesOf(dist);
    const rules = headerRules(readFileSync(join(dist, '_headers'), 'utf8'));

    // Every page: exactly one CSP, its own <meta> policy plus frame-ancestors; short caching.
    const pages = files
      .filter((f) => f.endsWith('.html'))
      .map((file) => ({ file, csp: metaPolicy(readFileSync(join(dist, file), 'utf8')) }));
    assert.ok(pages.filter((p) => p.csp).length > 40);
    for (const { file, csp } of pages) {
      if (!csp) continue;
      // The error cards alone may be framed: by the help center itself, as EMBED_ORIGINS is unset here.
      const frame = file.startsWith('embed/') ? "frame-ancestors 'self'" : FRAME;
      assert.deepEqual(valuesAt(rules, pathOfBuiltFile(file), 'content-security-policy'), [`${csp}; ${frame}`], file);
      assert.deepEqual(
        valuesAt(rules, pathOfBuiltFile(file), 'cache-control').map((v) => SHORT.test(v)),
        [true],
        file,
      );
    }
    // Every other file: one Cache-Control, immutable exactly when the name carries a hash.
    for (const file of files.filter((f) => !f.endsWith('.html') && !f.startsWith('_'))) {
      const values = valuesAt(rules, `/${file}`, 'cache-control');
      assert.equal(values.length, 1, `${file}: ${values.join(' | ')}`);
      assert.ok(hashed(file) ? IMMUTABLE.test(values[0]!) : SHORT.test(values[0]!), `${file}: ${values[0]}`);
    }
    for (const file of ['pagefind/pagefind-entry.json', 'pagefind/pagefind.js'])
      assert.match(valuesAt(rules, `/${file}`, 'cache-control')[0]!, SHORT, file);
    assert.ok(files.some((f) => f.startsWith('_astro/')) && files.some((f) => f.startsWith('pagefind/fragment/')));
    for (const [name, value] of [
      ['x-content-type-options', 'nosniff'],
      ['strict-transport-security', 'max-age=31536000'],
    ])
      assert.deepEqual(valuesAt(rules, '/errors/', name!), [value], name);
    assert.ok(
      valuesAt(rules, '/', 'referrer-policy').length === 1 && valuesAt(rules, '/', 'permissions-policy').length === 1,
    );

    // Every former code of the catalog: a 301 to its error.
    const catalog = JSON.parse(readFileSync(join(dist, 'errors.json'), 'utf8')) as {
      errors: { code: string; formerCodes: string[] }[];
    };
    const redirects = readFileSync(join(dist, '_redirects'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(/\s+/));
    const former = catalog.errors.flatMap((e) => e.formerCodes.map((from) => [from, e.code] as const));
    assert.deepEqual(former, [['invoice-deleted', 'invoice-removed-in-quickbooks']]);
    for (const [from, to] of former)
      assert.ok(
        redirects.some(([a, b, code]) => a === `/errors/${from}/` && b === `/errors/${to}/` && code === '301'),
        from,
      );

    // The image serves this build with this configuration (the Dockerfile lays it out with
    // scripts/docker-layout.ts; tests/unit/docker.test.ts reads its stages).
    const image = dockerLayout(dist, join(dir, 'image'), 'https://docs.test.example');
    assert.equal(readFileSync(image.conf, 'utf8'), readFileSync(join(dist, '_nginx.conf'), 'utf8'));
    assert.equal(image.root, join(dir, 'image', 'html'));
    assert.ok(existsSync(join(image.root, 'errors/invoice-removed-in-quickbooks/index.html')));
    assert.ok(!existsSync(join(image.root, '_headers')) && !existsSync(join(image.root, '_nginx.conf')));

    // nginx, for real.
    const reason = nginxMissing();
    if (reason) {
      console.log(`# skipped: ${reason}`);
      t.skip(reason);
      return;
    }
    const server = await startNginx(dist, dir);
    try {
      const get = server.get;
      const pagePath = 'errors/invoice-removed-in-quickbooks/index.html';
      const page = await get(pathOfBuiltFile(pagePath), { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(page.status, 200);
      assert.equal(
        page.headers.get('content-security-policy'),
        `${metaPolicy(readFileSync(join(dist, pagePath), 'utf8'))}; ${FRAME}`,
      );
      assert.match(page.headers.get('cache-control')!, SHORT);
      assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(page.headers.get('strict-transport-security'), 'max-age=31536000');
      assert.equal(page.headers.get('content-encoding'), 'gzip');

      const asset = files.find((f) => f.startsWith('_astro/') && f.endsWith('.js'))!;
      const script = await get(`/${asset}`);
      assert.equal(script.status, 200);
      assert.match(script.headers.get('cache-control')!, IMMUTABLE);
      assert.equal(script.headers.get('content-security-policy'), null, 'a script carries no page policy');
      const fragment = await get(`/${files.find((f) => f.startsWith('pagefind/fragment/'))!}`);
      assert.match(fragment.headers.get('cache-control')!, IMMUTABLE);
      assert.match((await get('/pagefind/pagefind-entry.json')).headers.get('cache-control')!, SHORT);

      for (const old of ['/errors/invoice-deleted/', '/errors/invoice-deleted']) {
        const moved = await get(old);
        assert.equal(moved.status, 301, old);
        assert.equal(moved.headers.get('location'), '/errors/invoice-removed-in-quickbooks/', old);
      }

      // /go/ (the link contract): nginx answers every link the page would turn into an error or
      // a fault page, before any script runs; the rest gets the page itself.
      const index = triageIndex(JSON.parse(readFileSync(join(dist, 'triage-data.json'), 'utf8')) as TriageData);
      const answered = [
        // (a record that is none of the records is left to the page, which ignores it)
        ...GO_CASES.filter(
          (c) =>
            /^\/(errors|quickbooks)\//.test(c.opens) &&
            GO_RECORDS.includes(new URLSearchParams(c.query).get('record') ?? 'client') &&
            !`${c.query} ${c.opens}`.includes('invoice-deleted'),
        ),
        { query: '?code=invoice-deleted', opens: '/errors/invoice-removed-in-quickbooks/' },
        { query: '?code=INVOICE-DELETED', opens: '/errors/invoice-removed-in-quickbooks/' },
        ...goRules(index).map((r) => ({
          query: `?${new URLSearchParams(
            Object.entries({ code: r.code, qb: r.qb, record: r.record }).filter(
              (e): e is [string, string] => e[1] !== undefined,
            ),
          )}`,
          opens: r.to,
        })),
      ];
      assert.ok(answered.length > 20, `${answered.length} /go/ links`);
      for (const { query, opens } of answered) {
        const go = await get(`/go/${query}`);
        assert.equal(go.status, 302, `/go/${query}`);
        assert.equal(go.headers.get('location'), opens, `/go/${query}`);
      }
      for (const query of [
        '',
        '?q=closed%20period',
        '?code=no-such-error',
        '?code=no-such-error&qb=6240',
        '?qb=99999',
        '?qb=6240&record=nonsense',
      ]) {
        const go = await get(`/go/${query}`);
        assert.equal(go.status, 200, `/go/${query}: ${go.headers.get('location')}`);
        assert.match(go.headers.get('content-security-policy')!, /frame-ancestors 'none'/, `/go/${query}`);
      }

      const missing = await get('/errors/no-such-error/');
      assert.equal(missing.status, 404);
      const body = await missing.text();
      assert.equal(body, readFileSync(join(dist, '404.html'), 'utf8'), 'the site’s own 404 page');
      assert.equal(missing.headers.get('content-security-policy'), `${metaPolicy(body)}; ${FRAME}`);
      assert.equal((await get('/_nginx.conf')).status, 404, 'the host files are not served');
    } finally {
      server.stop();
    }
  });
});
