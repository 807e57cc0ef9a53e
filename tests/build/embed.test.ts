/**
 * Issue 22, across origins as the Workiz app would meet it: a build with EMBED_ORIGINS naming
 * one host, served by nginx with the configuration it wrote, and that host (another origin, with
 * a strict CSP that requires Trusted Types) loading the <qbo-sync-help> component and framing an
 * error's card. The component draws the card for a code, a fault and a pasted message; the frame
 * reports its height and what was followed to that host only. A host that is not listed cannot
 * frame the card, and the listed one cannot frame any other page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { withCopy } from './build-copy.ts';
import { freePort, nginxMissing, startNginx } from './nginx.ts';
import { ERRORS } from '../content.ts';

const title = (code: string) => ERRORS.find((e) => e.code === code)!.title;

/** A host page on its own origin: the component from the help center, and a card in a frame. */
function hostPage(help: string, framed: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<h1>Workiz (a host)</h1>
<qbo-sync-help id="by-code" code="invoice-closed-period"></qbo-sync-help>
<qbo-sync-help id="by-fault" qb="6240" record="item"></qbo-sync-help>
<qbo-sync-help id="by-message" message="Required param missing, need to supply the required value for the API. Required parameter CustomerRef is missing in the request"></qbo-sync-help>
<iframe id="card" title="Help for this error" src="${help}${framed}" width="600" height="200"></iframe>
<script src="${help}/embed/qbo-sync-help.js"></script>
</body></html>`;
}

/** Serves the host page with a policy as strict as a careful app's: only the help center, Trusted Types required. */
async function host(port: number, help: string, framed: string): Promise<Server> {
  const policy = [
    `default-src 'none'`,
    `script-src ${help}`,
    `connect-src ${help}`,
    `frame-src ${help}`,
    `style-src 'none'`,
    `require-trusted-types-for 'script'`,
    `trusted-types 'none'`,
  ].join('; ');
  const server = createServer((_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy })
      .end(hostPage(help, framed)),
  );
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

const shadowText = (page: Page, id: string) =>
  page.locator(`#${id}`).evaluate((el) => el.shadowRoot?.textContent ?? '');

test(
  'the component and the card in a frame, on another origin, under its CSP and Trusted Types',
  { timeout: 600_000 },
  async (t) => {
    const reason = nginxMissing();
    if (reason) {
      t.skip(reason);
      return;
    }
    const [listedPort, otherPort] = [await freePort(), await freePort()];
    const listed = `http://127.0.0.1:${listedPort}`;
    await withCopy(async ({ build, dir }) => {
      const built = build({ EMBED_ORIGINS: listed });
      assert.equal(built.status, 0, built.output.slice(-3000));
      const headers = readFileSync(join(built.dist, '_headers'), 'utf8');
      assert.match(
        headers,
        new RegExp(
          `/embed/invoice-closed-period/\\n  Content-Security-Policy: [^\\n]*frame-ancestors 'self' ${listed.replace(/\./g, '\\.')}\\n`,
        ),
      );
      assert.match(
        headers,
        /\/errors\/invoice-closed-period\/\n {2}Content-Security-Policy: [^\n]*frame-ancestors 'none'\n/,
      );

      const nginx = await startNginx(built.dist, dir);
      const help = nginx.origin;
      const servers = [
        await host(listedPort, help, '/embed/invoice-client-not-synced/'),
        await host(otherPort, help, '/embed/invoice-client-not-synced/'),
      ];
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const problems: string[] = [];
        page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
        page.on('pageerror', (e) => problems.push(e.message));
        // Listening from the start: the frame speaks as soon as it is drawn.
        await page.addInitScript(() => {
          (window as unknown as { heard: unknown[] }).heard = [];
          addEventListener('message', (e) =>
            (window as unknown as { heard: unknown[] }).heard.push({ origin: e.origin, data: e.data }),
          );
          addEventListener('securitypolicyviolation', (e) =>
            (window as unknown as { heard: unknown[] }).heard.push({ violation: e.violatedDirective }),
          );
        });
        await page.goto(`${listed}/`);

        // The component: by code, by fault and record (/go/'s answer), and from a pasted message.
        for (const [id, code] of [
          ['by-code', 'invoice-closed-period'],
          ['by-fault', 'item-duplicate'],
          ['by-message', 'invoice-client-not-synced'],
        ] as const) {
          await page.waitForFunction(
            (i) => document.getElementById(i)?.shadowRoot?.querySelector('section:not([aria-busy])'),
            id,
          );
          const text = await shadowText(page, id);
          assert.ok(text.includes(title(code)) && text.includes(code), `${id}: ${text.slice(0, 200)}`);
          assert.ok(text.includes('How to fix') && text.includes('Open the full page'), id);
        }
        const link = await page
          .locator('#by-code')
          .evaluate((el) => el.shadowRoot!.querySelector<HTMLAnchorElement>('a[target=_blank]')!.href);
        assert.equal(link, 'https://help.example.com/errors/invoice-closed-period/');

        // The frame: its height, and "Open the full page", heard by this host from the help center only.
        const heard = () =>
          page.evaluate(
            () =>
              (
                window as unknown as {
                  heard: {
                    origin?: string;
                    data?: { source?: string; type?: string; height?: number; code?: string; url?: string };
                  }[];
                }
              ).heard,
          );
        for (let i = 0; i < 50 && !(await heard()).some((m) => m.data?.type === 'height'); i++)
          await page.waitForTimeout(100);
        const height = (await heard()).find((m) => m.data?.type === 'height')!;
        assert.equal(height.origin, help);
        assert.deepEqual([height.data?.source, height.data?.code], ['qbo-sync-help', 'invoice-client-not-synced']);
        assert.ok(height.data!.height! > 100, `${height.data?.height}`);
        const frame = page.frameLocator('#card');
        await frame.getByRole('heading', { level: 1 }).waitFor();
        assert.equal(await frame.getByRole('heading', { level: 1 }).textContent(), title('invoice-client-not-synced'));
        const popup = page.context().waitForEvent('page');
        await frame.getByRole('link', { name: /Open the full page/ }).click();
        await (await popup).close();
        for (let i = 0; i < 50 && !(await heard()).some((m) => m.data?.type === 'open'); i++)
          await page.waitForTimeout(100);
        assert.deepEqual((await heard()).find((m) => m.data?.type === 'open')?.data, {
          source: 'qbo-sync-help',
          type: 'open',
          code: 'invoice-client-not-synced',
          url: `${help}/errors/invoice-client-not-synced/`,
        });
        assert.deepEqual(
          (await heard()).filter((m) => 'violation' in m),
          [],
          'no CSP or Trusted Types violation on the host',
        );
        assert.deepEqual(problems, []);

        // A host that is not listed: the card is not shown in its frame, and it hears nothing.
        const other = await browser.newPage();
        await other.goto(`http://127.0.0.1:${otherPort}/`);
        await other.waitForTimeout(1500);
        const blocked = await other
          .frames()
          .find((f) => f !== other.mainFrame())!
          .evaluate(() => document.querySelector('h1')?.textContent ?? '')
          .catch(() => '');
        assert.notEqual(
          blocked,
          title('invoice-client-not-synced'),
          'an origin that is not listed cannot frame the card',
        );

        // The listed host cannot frame any other page: every page but the cards keeps frame-ancestors 'none'.
        const full = await nginx.get('/errors/invoice-client-not-synced/');
        assert.match(full.headers.get('content-security-policy')!, /frame-ancestors 'none'$/);
        const card = await nginx.get('/embed/invoice-client-not-synced/');
        assert.match(
          card.headers.get('content-security-policy')!,
          new RegExp(`frame-ancestors 'self' ${listed.replace(/\./g, '\\.')}$`),
        );
        assert.equal((await nginx.get('/embed/cards.json')).headers.get('access-control-allow-origin'), '*');
        assert.equal((await nginx.get('/errors.json')).headers.get('access-control-allow-origin'), null);
      } finally {
        await browser.close();
        for (const s of servers) s.close();
        nginx.stop();
      }
    });
  },
);
