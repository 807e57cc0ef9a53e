/**
 * Search, measured in headless Chromium on the built site:
 * - the first search: what focusing the header search box of an error page and entering one
 *   query (as one input event) downloads (requests, gzip bytes), and the time from focus to the
 *   first result shown (the ranker's) and to the full results (cold);
 * - the time from the last keystroke to the first result, over the shared query set
 *   (tests/search-queries.json), on /search/ and in the header panel: each query goes in as one
 *   input event, like a paste or the last key of a typed query, and the clock runs from that
 *   event to the moment the results are in the page. It includes the input debounce. The engine
 *   is warmed by one query first: this is the time of every search after the first.
 * - on the way, how often the right page comes first and in the top three.
 */
import { paths } from '../../src/lib/shared/urls.ts';
import type { Browser, Page } from '@playwright/test';
import { firstVisit, recordTransfers, sum } from '../lib/transfer.ts';
import type { Query } from '../lib/queries.ts';
import { median } from './builds.ts';

export interface FirstSearch {
  path: string;
  query: string;
  requests: number;
  wire: number;
  /** Requests and gzip bytes per kind of download (see `kindOf`). */
  groups: Record<string, { requests: number; wire: number }>;
  /** Focus to first result, cold (downloads included), in ms. */
  coldMs: number;
  /** Focus to the first result shown (the structured ranker's, before Pagefind): downloads and time. */
  firstResult: { requests: number; wire: number; ms: number };
}

/** Search on a synthetic catalog (scripts/bench/synth.ts): the first search and the latency in the header panel. */
export interface SearchAtScale {
  errors: number;
  firstSearch: FirstSearch;
  latency: Latency;
}

export interface Latency {
  /** Where: the search page or the header panel. */
  where: string;
  queries: number;
  /** Last keystroke to the first result shown (the structured ranker's). */
  medianMs: number;
  /** Last keystroke to the full results (Pagefind's fused in). */
  fullMedianMs: number;
  p90Ms: number;
  maxMs: number;
  /** Queries that showed no result, or no full results, within the time limit. */
  timeouts: number;
  /** Search page only: the right page first, and the query's main page in the top three. */
  first: number;
  top3: number;
}

/** What a search download is: the site's own search code, Pagefind's code, its index, our data. */
export function kindOf(url: string, js: boolean): string {
  if (url.startsWith(paths.searchData()) || url.startsWith(paths.searchSplit(''))) return 'search data';
  if (/^\/pagefind\/(.*\.js$|wasm\.)/.test(url.split('?')[0]!)) return 'Pagefind code and WebAssembly';
  if (url.startsWith('/pagefind/')) return 'Pagefind index';
  return js ? 'search code' : 'other';
}

export async function measureFirstSearch(
  browser: Browser,
  origin: string,
  path: string,
  query: string,
): Promise<FirstSearch> {
  const context = await browser.newContext({ baseURL: origin });
  try {
    const recorder = recordTransfers(context, origin);
    const page = await context.newPage();
    await firstVisit(page, path);
    await recorder.settle();
    const before = recorder.transfers.length;
    const box = page.getByRole('searchbox', { name: 'Search errors' });
    // The first result shown (the structured ranker's, while Pagefind loads: issue 11), timed in
    // the page: the moment a result is in the open panel, from the focus.
    const focusAt = await page.evaluate(() => {
      (window as unknown as { __first: Promise<number> }).__first = new Promise<number>((resolve) => {
        const shown = () => !!document.querySelector('#site-search-panel:not([hidden]) .hit-link');
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(document.body, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['hidden'],
        });
      });
      return performance.now();
    });
    const started = performance.now();
    await box.focus();
    // The query goes in as one input event (a paste, or typing quicker than the panel's debounce):
    // a search of its own. Typed slower, each pause would be a search, and any may start Pagefind.
    await page.keyboard.insertText(query);
    const firstAt = await page.evaluate(() => (window as unknown as { __first: Promise<number> }).__first);
    // The downloads counted for it: those the page had received by then (Resource Timing).
    const doneBy = new Set(
      await page.evaluate(
        (t) =>
          performance
            .getEntriesByType('resource')
            .filter((e) => (e as PerformanceResourceTiming).responseEnd <= t)
            .map((e) => {
              const u = new URL(e.name);
              return u.origin === location.origin ? `${u.pathname}${u.search}` : u.href;
            }),
        firstAt,
      ),
    );
    await recorder.settle();
    const firstTransfers = recorder.transfers.slice(before).filter((t) => doneBy.has(t.url));
    const firstResult = { requests: firstTransfers.length, wire: sum(firstTransfers), ms: firstAt - focusAt };
    // The panel announces the full results (Pagefind's fused in) in its status line.
    await page.waitForFunction(() =>
      /^\d+ errors? match/.test(document.querySelector('site-search [role="status"]')?.textContent ?? ''),
    );
    const coldMs = performance.now() - started;
    await page.waitForLoadState('networkidle');
    await recorder.settle();
    const after = recorder.transfers.slice(before);
    const groups: FirstSearch['groups'] = {};
    for (const t of after) {
      const g = (groups[kindOf(t.url, t.js)] ??= { requests: 0, wire: 0 });
      g.requests++;
      g.wire += t.wire;
    }
    return { path, query, requests: after.length, wire: sum(after), groups, coldMs, firstResult };
  } finally {
    await context.close();
  }
}

type Where = 'page' | 'panel';

/**
 * Puts `query` into the box as one input event; resolves to the ms from that event until the
 * first result is in the page (the structured ranker's: search page, a result link; panel, a
 * result link in the open panel) and until the full results are (Pagefind's fused in: the search
 * page no longer busy; the panel's status line counts them), each -1 after `limitMs`.
 */
async function timeOne(page: Page, where: Where, query: string, limitMs: number): Promise<[number, number]> {
  await page.evaluate(
    ([where, limit]) => {
      const input = document.querySelector<HTMLInputElement>(
        where === 'page' ? 'main input[type="search"]' : 'site-search input[type="search"]',
      )!;
      const first =
        where === 'page'
          ? () => !!document.querySelector('[data-search-results] a')
          : () => !!document.querySelector('site-search .search-panel:not([hidden]) .hit-link');
      const full =
        where === 'page'
          ? () => first() && !document.querySelector('search-page')?.hasAttribute('aria-busy')
          : () => /^\d+ errors? match/.test(document.querySelector('site-search [role="status"]')?.textContent ?? '');
      (window as unknown as { __firstResult: Promise<[number, number]> }).__firstResult = new Promise<[number, number]>(
        (resolve) => {
          let start = 0;
          let firstMs = -1;
          input.addEventListener('input', () => (start = performance.now()), { once: true, capture: true });
          const check = () => {
            if (!start) return;
            if (firstMs < 0 && first()) firstMs = performance.now() - start;
            if (firstMs >= 0 && full()) {
              observer.disconnect();
              resolve([firstMs, performance.now() - start]);
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, {
            childList: true,
            subtree: true,
            characterData: true,
            attributes: true,
            attributeFilter: ['hidden', 'aria-busy'],
          });
          setTimeout(() => {
            observer.disconnect();
            resolve([firstMs, -1]);
          }, limit);
        },
      );
    },
    [where, limitMs] as const,
  );
  await page.keyboard.insertText(query);
  return page.evaluate(() => (window as unknown as { __firstResult: Promise<[number, number]> }).__firstResult);
}

/** Last keystroke to first result over `queries`, on /search/ or in the header panel of `panelPath`. */
export async function measureLatency(
  browser: Browser,
  origin: string,
  queries: Query[],
  where: Where,
  panelPath = '/',
): Promise<Latency> {
  const context = await browser.newContext({ baseURL: origin });
  try {
    const page = await context.newPage();
    await firstVisit(page, where === 'page' ? paths.search() : panelPath);
    const box = page.locator(where === 'page' ? 'main input[type="search"]' : 'site-search input[type="search"]');
    const clear = async () => {
      await box.fill('');
      await page.waitForFunction(
        (w) =>
          w === 'page'
            ? !document.querySelector('[data-search-results] a')
            : !document.querySelector('site-search [role="status"]')?.textContent,
        where,
      );
      await box.focus();
    };
    await box.focus();
    await timeOne(page, where, queries[0]!.query, 15_000); // warm-up: loads the engine, Pagefind and its index
    const times: number[] = [];
    const fullTimes: number[] = [];
    let timeouts = 0;
    let first = 0;
    let top3 = 0;
    for (const q of queries) {
      await clear();
      const [ms, fullMs] = await timeOne(page, where, q.query, 5_000);
      if (ms < 0 || fullMs < 0) timeouts++;
      if (ms >= 0) times.push(ms);
      if (fullMs >= 0) fullTimes.push(fullMs);
      if (where === 'page') {
        // Let the rendering settle, then read the ranked result codes.
        await page.waitForFunction(() => !document.querySelector('search-page')?.hasAttribute('aria-busy'));
        const codes = await page
          .locator('[data-search-results] a')
          .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/')[2] ?? ''));
        if (q.expect.includes(codes[0] ?? '')) first++;
        if (codes.slice(0, 3).includes(q.expect[0]!)) top3++;
      }
    }
    const sorted = [...times].sort((a, b) => a - b);
    return {
      where: where === 'page' ? 'the search page (/search/)' : `the header panel (${panelPath})`,
      queries: queries.length,
      medianMs: median(times),
      fullMedianMs: median(fullTimes),
      p90Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]!,
      maxMs: sorted[sorted.length - 1]!,
      timeouts,
      first,
      top3,
    };
  } finally {
    await context.close();
  }
}
