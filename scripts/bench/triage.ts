/**
 * Triage (issue 10), measured in headless Chromium on the built site:
 * - paste to plan: the time from pressing "Make the fix plan" on /triage/ to the plan and the
 *   count in the page, for a paste naming 20 different errors (their QuickBooks messages, one a
 *   line, in a log's shape) and for a 1 MB paste (the same 20 lines among a megabyte of other log
 *   lines). Clocked in the page, from the click to the status line's final text; median of runs.
 * - what triage adds to an error page's first visit: the bytes of every response of that visit
 *   that carry triage (its data, or its code: the page script or the header's offer), which
 *   must be none, since triage loads only on /triage/, /go/, or once the search box is used.
 */
import type { Browser } from '@playwright/test';
import { firstVisit, recordTransfers, sum } from '../lib/transfer.ts';
import { median } from './builds.ts';

export interface TriageFigure {
  /** Paste to plan, median ms, and the runs. */
  twentyErrors: { ms: number; runs: number; found: number; bytes: number };
  oneMegabyte: { ms: number; runs: number; found: number; bytes: number };
  /** What of an error page's first visit is triage's: requests and gzip bytes (expected 0). */
  errorPage: { path: string; requests: number; wire: number };
}

/** Text only triage's data or code holds. */
const TRIAGE_MARK = /Paste several errors\? Open triage|triage-data|data-triage-plan/;

interface DataError {
  code: string;
  quickbooks: { code?: string; message: string }[];
}

/** 20 log lines, each with the QuickBooks message of a different error (one whose message is its own). */
export function twentyErrorPaste(errors: readonly DataError[]): string {
  const owners = new Map<string, Set<string>>();
  for (const e of errors)
    for (const q of e.quickbooks) owners.set(q.message, (owners.get(q.message) ?? new Set()).add(e.code));
  const lines: string[] = [];
  for (const e of errors) {
    const q = e.quickbooks.find((x) => owners.get(x.message)!.size === 1 && !x.message.includes('…'));
    if (!q) continue;
    lines.push(
      `Nov 26, 2026 9:${String(lines.length).padStart(2, '0')} AM  Sync failed  ${q.code ? `Fault ${q.code}: ` : ''}${q.message}`,
    );
    if (lines.length === 20) break;
  }
  if (lines.length < 20)
    throw new Error(`only ${lines.length} errors have a message of their own: the 20-error paste needs 20`);
  return lines.join('\n');
}

/** The 20-error paste among other log lines, to one megabyte. */
export function megabytePaste(twenty: string): string {
  const filler = 'Nov 26, 2026 9:15 AM  Invoice 1043  Synced  nothing to report for this record today\n';
  const lines = twenty.split('\n');
  const out: string[] = [];
  let size = 0;
  let i = 0;
  while (size < 1_000_000) {
    const line = i % 200 === 0 && lines.length ? lines.shift()! + '\n' : filler.replace('1043', String(1000 + i));
    out.push(line);
    size += line.length;
    i++;
  }
  return out.join('');
}

async function pasteToPlan(
  browser: Browser,
  origin: string,
  paste: string,
  runs: number,
): Promise<{ ms: number; runs: number; found: number; bytes: number }> {
  const times: number[] = [];
  let found = 0;
  for (let r = 0; r < runs; r++) {
    const page = await browser.newPage();
    await page.goto(`${origin}/triage/`, { waitUntil: 'load' });
    await page.locator('#triage-paste').evaluate((box: HTMLTextAreaElement, text) => {
      box.value = text;
    }, paste);
    const ms = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const status = document.querySelector('[data-triage-status]')!;
          const observer = new MutationObserver(() => {
            if (/recognised/.test(status.textContent ?? '')) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
          const start = performance.now();
          document.querySelector<HTMLButtonElement>('.triage-form button[type="submit"]')!.click();
        }),
    );
    found = await page.locator('[data-triage-results] > li').count();
    times.push(ms);
    await page.close();
  }
  return { ms: median(times), runs, found, bytes: new TextEncoder().encode(paste).length };
}

export async function measureTriage(
  browser: Browser,
  origin: string,
  errorPath: string,
  runs: number,
): Promise<TriageFigure> {
  const data = (await (await fetch(`${origin}/triage-data.json`)).json()) as { errors: DataError[] };
  const twenty = twentyErrorPaste(data.errors);
  const twentyErrors = await pasteToPlan(browser, origin, twenty, runs);
  const oneMegabyte = await pasteToPlan(browser, origin, megabytePaste(twenty), runs);

  const context = await browser.newContext();
  const recorder = recordTransfers(context, origin);
  const page = await context.newPage();
  await firstVisit(page, `${origin}${errorPath}`);
  await recorder.settle();
  recorder.stop();
  const triage = recorder.transfers.filter((t) => TRIAGE_MARK.test(t.body.toString('utf8')) || /triage/.test(t.url));
  await context.close();
  return { twentyErrors, oneMegabyte, errorPage: { path: errorPath, requests: triage.length, wire: sum(triage) } };
}

/** The rows of BENCHMARKS.md's triage table. */
export function triageRows(t: TriageFigure): string[][] {
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  return [
    [
      `paste to plan, ${t.twentyErrors.bytes.toLocaleString('en')} bytes naming 20 errors (median of ${t.twentyErrors.runs})`,
      `${Math.round(t.twentyErrors.ms)} ms, ${t.twentyErrors.found} cards`,
    ],
    [
      `paste to plan, a 1 MB paste (${(t.oneMegabyte.bytes / 1e6).toFixed(2)} MB; median of ${t.oneMegabyte.runs})`,
      `${Math.round(t.oneMegabyte.ms)} ms, ${t.oneMegabyte.found} cards`,
    ],
    [
      `what triage adds to an error page's first visit (${t.errorPage.path})`,
      t.errorPage.requests
        ? `${t.errorPage.requests} requests, ${kb(t.errorPage.wire)} gzip`
        : 'nothing (0 requests, 0 bytes)',
    ],
  ];
}
