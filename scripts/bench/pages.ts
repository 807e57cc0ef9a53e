/**
 * First visits in headless Chromium: requests and gzip bytes per page (scripts/lib/transfer.ts)
 * and the JavaScript that ran on load, from Chromium's script coverage (every script parsed and
 * run, inline ones included), until the network has been quiet.
 */
import type { Browser } from '@playwright/test';
import { firstVisit, gzipBody, isSearchData, recordTransfers, sum, type Transfer } from '../lib/transfer.ts';

export interface PageFigure {
  label: string;
  path: string;
  requests: number;
  /** Gzip bytes of everything. */
  wire: number;
  html: number;
  css: number;
  /** Gzip bytes of JavaScript fetched. */
  js: number;
  other: number;
  /** Scripts that ran on load, and their size as run (uncompressed) and gzipped. */
  scriptsRun: number;
  jsRunBytes: number;
  jsRunWire: number;
  /** Requests for search (Pagefind, search data) before search is used: should be none. */
  searchRequests: number;
  transfers: Transfer[];
}

export async function measurePage(browser: Browser, origin: string, label: string, path: string): Promise<PageFigure> {
  const context = await browser.newContext({ baseURL: origin });
  try {
    const recorder = recordTransfers(context, origin);
    const page = await context.newPage();
    await page.coverage.startJSCoverage({ resetOnNavigation: false });
    await firstVisit(page, path);
    await recorder.settle();
    const coverage = await page.coverage.stopJSCoverage();
    const ran = coverage.filter((c) => c.url && c.source !== undefined && c.functions.length > 0);
    const t = recorder.transfers;
    const of = (pred: (x: Transfer) => boolean) => sum(t.filter(pred));
    return {
      label,
      path,
      requests: t.length,
      wire: sum(t),
      html: of((x) => x.kind === 'document'),
      css: of((x) => x.kind === 'stylesheet'),
      js: of((x) => x.js),
      other: of((x) => x.kind !== 'document' && x.kind !== 'stylesheet' && !x.js),
      scriptsRun: ran.length,
      jsRunBytes: ran.reduce((n, c) => n + Buffer.byteLength(c.source ?? ''), 0),
      jsRunWire: ran.reduce((n, c) => n + gzipBody(Buffer.from(c.source ?? '')).length, 0),
      searchRequests: t.filter((x) => isSearchData(x.url)).length,
      transfers: t,
    };
  } finally {
    await context.close();
  }
}
