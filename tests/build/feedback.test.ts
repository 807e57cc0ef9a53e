/**
 * Issue 21, end to end: builds with FEEDBACK_URL naming a real HTTP endpoint on this machine
 * (one build per kind: JSON beacons, Plausible, GoatCounter), serves them, and drives Chromium
 * (Playwright) through every kind of event: "Was this helpful?" yes, and no with a reason, by
 * keyboard; a search that finds nothing; a search whose results nobody opened; a triage part no
 * error fits; an answer given offline that waits and is sent on the next page; the offline copy
 * (its widget, its prepared e-mail). The endpoint receives each as the setting's kind says, and
 * nothing of what was typed or pasted beyond the allowed words: no customer name, invoice number or
 * e-mail address in any request. The pages' CSP adds exactly the endpoint's origin. (Without the
 * setting: tests/e2e/feedback.spec.ts, on the site every other test runs on.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic } from '../../scripts/lib/server.ts';
import { runExport } from '../../scripts/export.ts';
import { withCopy } from './build-copy.ts';
import AxeBuilder from '@axe-core/playwright';
import { firstVisit, gzipBody, recordTransfers, sum } from '../../scripts/lib/transfer.ts';

/** What a paste or a search may hold that must never leave the page. */
const PRIVATE = ['john', 'smith', '1043', 'acme', 'dana', 'whitfield'];

interface Received {
  method: string;
  url: string;
  body: string;
}

/** A real endpoint on this machine, recording every request it receives. */
async function endpoint(): Promise<{ origin: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', body });
      res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Waits until `count` requests have arrived (beacons are sent in the background). */
async function arrived(received: Received[], count: number, what: string): Promise<void> {
  for (let i = 0; i < 100 && received.length < count; i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(received.length >= count, `${what}: ${received.length} of ${count} requests arrived`);
}

const bodies = (received: Received[]) => received.map((r) => JSON.parse(r.body) as Record<string, unknown>);

function noPrivateWords(received: Received[]) {
  for (const r of received)
    for (const word of PRIVATE)
      assert.ok(!`${r.url} ${r.body}`.toLowerCase().includes(word), `"${word}" left the page in ${r.url} ${r.body}`);
}

async function searchFor(page: Page, query: string) {
  const box = page.getByRole('searchbox', { name: /Describe the problem/ });
  await box.fill(query);
  // The address follows the box once this search has run (src/client/search/results.ts).
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query);
  await page.locator('search-page:not([aria-busy])').waitFor();
  await page.locator('main .search-status:not(:empty)').waitFor();
}

test(
  'feedback goes where FEEDBACK_URL says, each kind of event, and nothing private',
  { timeout: 900_000 },
  async () => {
    const sink = await endpoint();
    try {
      await withCopy(async ({ build, dir }) => {
        // JSON beacons.
        const built = build({ FEEDBACK_URL: `${sink.origin}/events` });
        assert.equal(built.status, 0, built.output.slice(-3000));
        const html = readFileSync(join(built.dist, 'errors', 'invoice-closed-period', 'index.html'), 'utf8');
        assert.match(
          html,
          new RegExp(`connect-src 'self' ${sink.origin.replace(/[.]/g, '\\.')}[;"]`),
          "the CSP adds the endpoint's origin, and only it",
        );
        const server = await serveStatic(built.dist);
        const browser = await launchChromium();
        try {
          const context = await browser.newContext();
          const page = await context.newPage();
          const errors: string[] = [];
          page.on('pageerror', (e) => errors.push(e.message));
          page.on('console', (m) => m.type() === 'error' && !m.text().includes('net::') && errors.push(m.text()));
          const widgetCode: string[] = [];
          page.on('request', (r) => r.url().includes('/_astro/widget') && widgetCode.push(r.url()));

          // Yes, by keyboard; the thanks are spoken (role=status); the widget's code came with the click.
          await page.goto(`${server.origin}/errors/invoice-closed-period/`);
          await page.waitForLoadState('networkidle');
          assert.deepEqual(widgetCode, [], "the widget's code is not part of the first visit");
          await page.getByRole('button', { name: 'Yes' }).focus();
          await page.keyboard.press('Enter');
          await page.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();
          await arrived(sink.received, 1, 'yes');
          assert.deepEqual(bodies(sink.received), [{ type: 'helpful', page: 'invoice-closed-period', helpful: true }]);
          assert.equal(sink.received[0]!.method, 'POST');

          // Within the error pages' budgets (tests/e2e/budgets.spec.ts): 15 KB in all, 4 KB of JavaScript.
          {
            const fresh = await browser.newContext({ baseURL: server.origin });
            const recorder = recordTransfers(fresh, server.origin);
            const first = await fresh.newPage();
            await firstVisit(first, '/errors/invoice-closed-period/');
            await recorder.settle();
            const inline = (
              await first.locator('script:not([src]):not([type="application/ld+json"])').allTextContents()
            ).reduce((n, s) => n + gzipBody(Buffer.from(s)).length, 0);
            const js = sum(recorder.transfers.filter((x) => x.js)) + inline;
            assert.ok(sum(recorder.transfers) <= 15 * 1024, `first visit ${sum(recorder.transfers)} B`);
            assert.ok(js <= 4 * 1024, `first visit's JavaScript ${js} B`);
            await fresh.close();
          }

          // WCAG 2.2 AA, light and dark, asked and with its reasons open.
          for (const colorScheme of ['light', 'dark'] as const) {
            const look = await browser.newContext({ colorScheme });
            const p = await look.newPage();
            await p.goto(`${server.origin}/errors/item-inactive/`);
            for (const stage of ['asked', 'reasons'] as const) {
              if (stage === 'reasons') {
                await p.getByRole('button', { name: 'No' }).click();
                await p.getByRole('group', { name: /What was wrong/ }).waitFor();
                assert.equal(
                  await p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type),
                  'radio',
                  'focus moves to the reasons',
                );
              }
              const axe = await new AxeBuilder({ page: p })
                .include('help-feedback')
                .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
                .analyze();
              assert.deepEqual(
                axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
                [],
                `${colorScheme}, ${stage}`,
              );
            }
            await look.close();
          }

          // No, with a reason from the list.
          await page.goto(`${server.origin}/errors/item-duplicate/`);
          await page.getByRole('button', { name: 'No' }).click();
          await page.getByLabel('The steps were unclear').check();
          await page.getByRole('button', { name: 'Send' }).click();
          await page.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();
          await arrived(sink.received, 2, 'no');
          assert.deepEqual(bodies(sink.received)[1], {
            type: 'helpful',
            page: 'item-duplicate',
            helpful: false,
            reason: 'steps-unclear',
          });

          // A search that finds nothing.
          await page.goto(`${server.origin}/search/`);
          await searchFor(page, 'zzqx qwrty plmok');
          await arrived(sink.received, 3, 'a search that found nothing');
          assert.deepEqual(bodies(sink.received)[2], {
            type: 'search-miss',
            query: 'zzqx qwrty plmok',
            result: 'none',
          });

          // A search whose results nobody opened, with a name, an invoice number and an e-mail
          // address in it: reported, without them, when the next search replaces its results.
          await searchFor(page, 'customer John Smith invoice #1043 john.smith@acme.com closed period');
          await new Promise((r) => setTimeout(r, 3000));
          await searchFor(page, 'duplicate name');
          await arrived(sink.received, 4, 'results nobody opened');
          assert.deepEqual(bodies(sink.received)[3], {
            type: 'search-miss',
            query: 'customer invoice # closed period',
            result: 'not-opened',
          });
          // A first result passed over for another: the one opened goes with the query.
          await new Promise((r) => setTimeout(r, 3000));
          const second = page.locator('[data-search-results] li').nth(1);
          const chosen = (await second.getAttribute('data-code'))!;
          await second.locator('a').click();
          await page.waitForURL(/\/errors\//);
          await arrived(sink.received, 5, 'a first result passed over');
          assert.deepEqual(bodies(sink.received)[4], {
            type: 'search-miss',
            query: 'duplicate name',
            result: 'not-first',
            opened: chosen,
          });

          // A first result opened is no miss, and results someone opened are not reported on leaving.
          await page.goto(`${server.origin}/search/`);
          await searchFor(page, 'inactive client');
          await new Promise((r) => setTimeout(r, 3000));
          await page.locator('[data-search-results] a').first().click();
          await page.waitForURL(/\/errors\//);
          await new Promise((r) => setTimeout(r, 500));
          assert.equal(sink.received.length, 5, 'an opened first result is no miss');

          // Triage: a part no error fits goes as its fingerprint, never its text.
          await page.goto(`${server.origin}/triage/`);
          await page
            .getByLabel('Paste the errors')
            .fill(
              '<Error code="9876"><Message>Widget frobnicator overflow for Dana Whitfield</Message><Detail>Required parameter WidgetRef is missing, ticket #1043, john@acme.com</Detail></Error>',
            );
          await page.getByRole('button', { name: 'Make the fix plan' }).click();
          await arrived(sink.received, 6, 'triage');
          assert.deepEqual(bodies(sink.received)[5], {
            type: 'triage-miss',
            faultCode: '9876',
            subject: 'required:widget',
          });

          // Offline: the answer waits in the browser, and goes with the next page once online.
          await page.goto(`${server.origin}/errors/payment-deleted/`);
          await context.setOffline(true);
          await page.getByRole('button', { name: 'Yes' }).click();
          await page.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();
          await new Promise((r) => setTimeout(r, 500));
          assert.equal(sink.received.length, 6, 'nothing leaves while offline');
          assert.match((await page.evaluate(() => localStorage.getItem('qbo-help-feedback'))) ?? '', /payment-deleted/);
          await context.setOffline(false);
          await page.goto(`${server.origin}/`);
          await arrived(sink.received, 7, 'the queued answer');
          assert.deepEqual(bodies(sink.received)[6], { type: 'helpful', page: 'payment-deleted', helpful: true });
          assert.equal(
            await page.evaluate(() => localStorage.getItem('qbo-help-feedback')),
            null,
            'the queue is empty once sent',
          );

          noPrivateWords(sink.received);
          assert.deepEqual(errors, []);

          // The offline copy: the widget is there; an answer waits and is offered as an e-mail to support.
          const out = mkdtempSync(join(tmpdir(), 'hc-feedback-export-'));
          try {
            await runExport({ dist: built.dist, out, log: () => undefined });
            const unpacked = join(out, 'unpacked');
            for (const [path, bytes] of Object.entries(
              unzipSync(readFileSync(join(out, 'qbo-sync-errors-help.zip'))),
            )) {
              if (path.endsWith('/')) continue;
              mkdirSync(dirname(join(unpacked, path)), { recursive: true });
              writeFileSync(join(unpacked, path), bytes);
            }
            const offline = await browser.newContext();
            const copy = await offline.newPage();
            await offline.setOffline(true);
            await copy.goto(
              pathToFileURL(join(unpacked, 'qbo-sync-errors-help', 'errors', 'item-inactive', 'index.html')).href,
            );
            await copy.getByRole('button', { name: 'No' }).click();
            await copy.getByLabel("The fix didn't work").check();
            await copy.getByRole('button', { name: 'Send' }).click();
            await copy.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();
            const mail = copy.getByRole('link', { name: 'E-mail your answer to support' });
            const href = decodeURIComponent((await mail.getAttribute('href'))!);
            assert.match(href, /^mailto:/);
            assert.ok(
              href.includes('{"type":"helpful","page":"item-inactive","helpful":false,"reason":"did-not-work"}'),
              href,
            );
            await offline.close();
          } finally {
            rmSync(out, { recursive: true, force: true });
          }
          await context.close();
        } finally {
          await browser.close();
          await server.close();
        }

        // Plausible and GoatCounter: the same answer, in each one's shape.
        for (const [setting, check] of [
          [
            `plausible:${sink.origin}`,
            (r: Received, origin: string) => {
              assert.equal(r.url, '/api/event');
              assert.deepEqual(JSON.parse(r.body), {
                name: 'helpful-yes',
                url: `${origin}/errors/invoice-closed-period/`,
                domain: 'help.example.com',
                props: { page: 'invoice-closed-period' },
              });
            },
          ],
          [
            `goatcounter:${sink.origin}`,
            (r: Received, _origin: string) => {
              const url = new URL(r.url, sink.origin);
              assert.equal(url.pathname, '/count');
              assert.deepEqual(
                [url.searchParams.get('p'), url.searchParams.get('e')],
                ['helpful-yes/page=invoice-closed-period', 'true'],
              );
            },
          ],
        ] as const) {
          const before = sink.received.length;
          const other = build({ FEEDBACK_URL: setting }, join(dir, 'cache-' + setting.split(':')[0]));
          assert.equal(other.status, 0, other.output.slice(-3000));
          const s = await serveStatic(other.dist);
          const b = await launchChromium();
          try {
            const p = await b.newPage();
            await p.goto(`${s.origin}/errors/invoice-closed-period/`);
            await p.getByRole('button', { name: 'Yes' }).click();
            await arrived(sink.received, before + 1, setting);
            check(sink.received[before]!, s.origin);
          } finally {
            await b.close();
            await s.close();
          }
        }
      });
    } finally {
      await sink.close();
    }
  },
);
