/**
 * Under astro dev a content mistake does not stop the server: the page shows it in Astro's error
 * overlay, one line per problem, and the page comes back once the file is fixed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { root, withCopy } from './build-copy.ts';

test('a frontmatter mistake shows in the dev overlay, and the page comes back when it is fixed', async () => {
  await withCopy(async ({ content, dir }) => {
    const file = join(content, 'errors', 'client-duplicate-name.mdx');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace(/^common: true$/m, 'commn: true'));
    // Port 0: the system picks a free one, which the server prints.
    const server = spawn(
      process.execPath,
      [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--port', '0', '--host', '127.0.0.1'],
      {
        cwd: root,
        env: {
          ...process.env,
          CONTENT_DIR: content,
          ASTRO_CACHE_DIR: join(dir, 'cache'),
          FORCE_COLOR: '0',
          NO_COLOR: '1',
        },
      },
    );
    let log = '';
    server.stdout.on('data', (d) => (log += d));
    server.stderr.on('data', (d) => (log += d));
    const browser = await launchChromium();
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${log}`)), 60_000);
        const look = () => {
          const url = /Local\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(log)?.[1];
          if (url) {
            clearTimeout(timer);
            resolve(url);
          } else if (server.exitCode !== null) reject(new Error(`astro dev stopped:\n${log}`));
          else setTimeout(look, 200);
        };
        look();
      });
      const page = await browser.newPage();
      await page.goto(`${origin}/errors/invoice-deleted/`);
      const overlay = page.locator('vite-error-overlay');
      await overlay.waitFor({ timeout: 30_000 });
      const text = (
        await overlay.evaluate(
          (o) =>
            o.shadowRoot?.querySelector('#message-content, .message, pre')?.textContent ??
            o.shadowRoot?.textContent ??
            '',
        )
      ).replace(/\s+/g, ' ');
      assert.match(
        text,
        /client-duplicate-name\.mdx:\d+: field "commn": unknown field; did you mean "common"\?/,
        text.slice(0, 2000),
      );
      assert.doesNotMatch(text, /node_modules/);
      // Fixed: the server picks the file up again and the page is back.
      writeFileSync(file, good);
      let status = 0;
      for (let i = 0; i < 100 && status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 300));
        status = (await fetch(`${origin}/errors/client-duplicate-name/`)).status;
      }
      assert.equal(status, 200, log.slice(-2000));
    } finally {
      await browser.close();
      server.kill();
    }
  });
});
