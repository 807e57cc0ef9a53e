/**
 * Security guards over every built page: a Content Security Policy is in force before any
 * script or style, its script-src allows no inline script ('unsafe-inline') and no eval;
 * no page makes a request to any other origin; and nothing breaks the policy (no violation
 * reported), including when search is used, where Pagefind compiles WebAssembly, and when
 * the query is an HTML injection; each page's policy lists exactly the hashes of its own
 * inline scripts and styles (integrations/csp.ts) and allows nothing the site does not use.
 */
import { test, expect, type Page } from '@playwright/test';
import { sitePages } from '../../scripts/lib/dist.ts';

const pages = sitePages();

interface Policy {
  /** Where it came from: "meta" or "header". */
  source: string;
  directives: Map<string, string[]>;
  /** Executable scripts and styles placed before the <meta> policy, which it does not cover. */
  before: string[];
}

function parsePolicy(text: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of text.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

async function policies(page: Page, header: string | undefined): Promise<Policy[]> {
  const metas = await page.evaluate(() =>
    [...document.querySelectorAll('meta[http-equiv="content-security-policy" i]')].map((meta) => {
      const before: string[] = [];
      const isCode = (el: Element) =>
        el.matches('style, link[rel~="stylesheet"], link[rel~="modulepreload"], link[rel~="preload"]') ||
        (el.matches('script') &&
          /^(|module|text\/javascript|application\/javascript)$/i.test(el.getAttribute('type') ?? ''));
      for (const el of document.querySelectorAll('script, style, link')) {
        if (el.compareDocumentPosition(meta) & Node.DOCUMENT_POSITION_FOLLOWING && isCode(el))
          before.push(el.outerHTML.slice(0, 80));
      }
      return { content: meta.getAttribute('content') ?? '', before, inHead: meta.parentElement === document.head };
    }),
  );
  const found: Policy[] = metas.map((m) => ({
    source: m.inHead ? 'meta' : 'meta outside <head> (ignored by browsers)',
    directives: parsePolicy(m.content),
    before: m.before,
  }));
  if (header) found.push({ source: 'header', directives: parsePolicy(header), before: [] });
  return found;
}

/** Collects CSP violations (as events in the page and as console errors). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  const at = () => new URL(page.url()).pathname;
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(`${at()}: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation(t: string): void }).__reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text()))
      violations.push(`${at()}: console: ${m.text()}`);
  });
  return violations;
}

/** Every request the context makes to an origin other than the site's. */
function watchOrigins(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.context().on('request', (r) => {
    const url = new URL(r.url());
    if (['data:', 'blob:', 'about:'].includes(url.protocol) || url.origin === origin) return;
    let from = 'a worker';
    try {
      from = r.frame().url();
    } catch {
      // Requests of workers have no frame.
    }
    foreign.push(`${r.resourceType()} ${url.href} (from ${from})`);
  });
  return foreign;
}

test('every page: a CSP without inline scripts, in force before any script or style; no other origin; no violation', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000);
  expect(pages.length, 'no pages in the build: run `npm run build` first').toBeGreaterThan(0);
  const origin = new URL(baseURL!).origin;
  const violations = await watchViolations(page);
  const foreign = watchOrigins(page, origin);
  const problems: string[] = [];
  for (const path of pages) {
    const response = await page.goto(path);
    await page.evaluate(() => new Promise((idle) => requestIdleCallback(idle, { timeout: 1000 })));
    const found = await policies(page, response?.headers()['content-security-policy']);
    if (!found.length) problems.push(`${path}: no Content-Security-Policy (meta or header)`);
    for (const policy of found) {
      const where = `${path} (${policy.source})`;
      if (policy.source.startsWith('meta outside')) problems.push(`${where}: the policy is not in <head>`);
      const scripts = policy.directives.get('script-src') ?? policy.directives.get('default-src');
      if (!scripts) problems.push(`${where}: neither script-src nor default-src restricts scripts`);
      for (const name of ['script-src', 'script-src-elem', 'script-src-attr', 'default-src']) {
        const values = policy.directives.get(name) ?? [];
        if (values.includes("'unsafe-inline'")) problems.push(`${where}: ${name} allows 'unsafe-inline'`);
        if (values.includes("'unsafe-eval'")) problems.push(`${where}: ${name} allows 'unsafe-eval'`);
        if (values.some((v) => v === '*' || /^(https?|data|blob):$/.test(v)))
          problems.push(`${where}: ${name} allows any source (${values.join(' ')})`);
      }
      if (
        !policy.directives.get('object-src')?.includes("'none'") &&
        !policy.directives.get('default-src')?.includes("'none'")
      ) {
        problems.push(`${where}: object-src is not 'none'`);
      }
      for (const el of policy.before)
        problems.push(`${where}: ${el}… comes before the policy, which does not cover it`);
    }
  }
  expect.soft(problems).toEqual([]);
  expect.soft(foreign, 'requests to other origins').toEqual([]);
  expect.soft(violations, 'CSP violations').toEqual([]);
});

test('search, with its WebAssembly, runs under the policy and asks no other origin', async ({ page, baseURL }) => {
  const violations = await watchViolations(page);
  const foreign = watchOrigins(page, new URL(baseURL!).origin);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  // The header panel on an error page…
  await page.goto(pages.find((p) => /^\/errors\/[^/]+\/$/.test(p))!);
  const box = page.getByRole('searchbox', { name: 'Search errors' });
  await box.focus();
  await box.pressSequentially('duplicate invoice number');
  await expect(page.locator('site-search [role="status"]')).toContainText(/match/);
  // …and the search page, with a query that tries to inject HTML into the results.
  await page.goto(`/search/?q=${encodeURIComponent('6240 <img src=x onerror=alert(1)><script>alert(2)</script>')}`);
  await expect(page.locator('main .search-status')).not.toBeEmpty();
  await page.waitForLoadState('networkidle');
  expect(await page.locator('main img[src="x"]').count(), 'the query was rendered as HTML').toBe(0);
  expect(dialogs, 'a script in the query ran').toBe(0);
  expect.soft(foreign, 'requests to other origins').toEqual([]);
  expect.soft(violations, 'CSP violations').toEqual([]);
});

test('Trusted Types: required on every page, one named policy, and search excerpts still show under it', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  for (const path of ['/', '/search/', pages.find((p) => /^\/errors\/[^/]+\/$/.test(p))!]) {
    await page.goto(path);
    const [policy] = await policies(page, undefined);
    expect(policy?.directives.get('require-trusted-types-for'), `${path}: Trusted Types required`).toEqual([
      "'script'",
    ]);
    expect(policy?.directives.get('trusted-types'), `${path}: the one policy allowed`).toEqual(['qbo-help-search']);
  }
  // The browser enforces it: a plain string is refused as HTML, and no other policy can be made
  // (in a page of its own, whose refusals are not this test's violations).
  const probe = await page.context().newPage();
  await probe.goto('/search/');
  const refused = await probe.evaluate(() => {
    const out: string[] = [];
    try {
      document.createElement('p').innerHTML = '<img src=x>';
    } catch (e) {
      out.push(`innerHTML: ${(e as Error).name}`);
    }
    try {
      (
        window as unknown as { trustedTypes: { createPolicy(n: string, r: object): unknown } }
      ).trustedTypes.createPolicy('other', {});
    } catch (e) {
      out.push(`createPolicy: ${(e as Error).name}`);
    }
    return out;
  });
  expect(refused).toEqual(['innerHTML: TypeError', 'createPolicy: TypeError']);
  await probe.close();
  // Excerpts go through the policy: marked words show, nothing is refused.
  await page.goto('/search/?q=reopen%20the%20month');
  await expect(page.locator('[data-search-results] .hit-excerpt mark').first()).toBeVisible();
  const header = page.getByRole('searchbox', { name: 'Search errors' });
  await header.fill('closed period');
  await expect(page.locator('#site-search-panel .hit-link').first()).toBeVisible();
  expect(violations, 'CSP violations').toEqual([]);
});

/** Fetch directives that, when absent, fall back to default-src. */
const FETCH = [
  'child-src',
  'connect-src',
  'font-src',
  'frame-src',
  'img-src',
  'manifest-src',
  'media-src',
  'object-src',
  'script-src',
  'script-src-elem',
  'script-src-attr',
  'style-src',
  'style-src-elem',
  'style-src-attr',
  'worker-src',
];
const isHash = (s: string) => /^'sha(256|384|512)-/.test(s);

test("every page's CSP lists exactly the hashes of its own inline scripts and styles, and allows nothing the site does not use", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    // What the browser parsed: the inline scripts it runs and the inline styles, hashed as CSP
    // hashes them (SHA-256 of the text, base64); whether the page loads script or style files.
    const found = await page.evaluate(async () => {
      const hash = async (text: string) =>
        `'sha256-${btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))))}'`;
      const runs = (s: HTMLScriptElement) =>
        /^(|module|(text|application)\/(java|ecma)script)$/i.test((s.getAttribute('type') ?? '').trim());
      const scripts = [...document.querySelectorAll('script')].filter(runs);
      return {
        policy: document.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content') ?? '',
        scriptHashes: await Promise.all(scripts.filter((s) => !s.hasAttribute('src')).map((s) => hash(s.text))),
        styleHashes: await Promise.all([...document.querySelectorAll('style')].map((s) => hash(s.textContent ?? ''))),
        scriptFiles:
          scripts.some((s) => s.hasAttribute('src')) || !!document.querySelector('link[rel~="modulepreload"]'),
        styleFiles: !!document.querySelector('link[rel~="stylesheet"]'),
      };
    });
    const directives = parsePolicy(found.policy);
    const sources = (name: string) => directives.get(name) ?? [];
    const same = (a: string[], b: string[]) => [...new Set(a)].sort().join(' ') === [...new Set(b)].sort().join(' ');
    for (const [kind, hashes, files] of [
      ['script', found.scriptHashes, found.scriptFiles],
      ['style', found.styleHashes, found.styleFiles],
    ] as const) {
      const listed = sources(`${kind}-src`).filter(isHash);
      if (!same(listed, hashes))
        problems.push(
          `${path}: ${kind}-src lists ${listed.length} hashes, the page has ${new Set(hashes).size} inline ${kind}s ` +
            `(${listed.filter((h) => !hashes.includes(h)).length} not on the page, ` +
            `${hashes.filter((h) => !listed.includes(h)).length} missing)`,
        );
      const nothing = !files && !(kind === 'script' && hashes.length);
      if (nothing && sources(`${kind}-src`).includes("'self'"))
        problems.push(`${path}: ${kind}-src allows 'self' but the page loads no ${kind} file`);
      if (!sources(`${kind}-src`).length) problems.push(`${path}: no ${kind}-src (it would fall back to default-src)`);
    }
    // Nothing of the site loads from, or submits to, a scheme (data:, blob:, mailto:…).
    for (const [name, values] of directives)
      for (const v of values.filter((s) => /^[a-z][a-z\d+.-]*:$/i.test(s)))
        problems.push(`${path}: ${name} allows ${v}, which no page uses`);
    // Pagefind runs without a worker: no page starts one.
    if (!same(sources('worker-src'), ["'none'"]))
      problems.push(`${path}: worker-src is "${sources('worker-src').join(' ')}", not 'none'`);
    // A fetch directive that repeats default-src allows nothing more: it only hides what is used.
    for (const name of FETCH)
      if (directives.has(name) && same(sources(name), sources('default-src')))
        problems.push(`${path}: ${name} repeats default-src`);
  }
  expect(problems).toEqual([]);
});
