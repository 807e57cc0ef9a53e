/**
 * Search under `astro dev` (npm run dev), which builds no Pagefind index: it works from the
 * structured ranker alone, asks for nothing that is not there, and says that full-text search
 * needs a build. The test starts its own dev server (a few seconds) on PORT + 10.
 */
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const PORT = Number(process.env['PORT'] ?? 4321) + 10;
const DEV = `http://127.0.0.1:${PORT}`;
const NOTE = /full-text search needs a build \(npm run build\)/;

test.describe('search under astro dev', () => {
  test.describe.configure({ mode: 'serial', timeout: 90_000 });
  let server: ChildProcess | undefined;
  let output = '';

  test.beforeAll(async () => {
    // Its own process group, so that stopping it stops Astro's children too.
    server = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(PORT)],
      { cwd: ROOT, detached: true, stdio: 'pipe' },
    );
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
    const until = Date.now() + 60_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`astro dev stopped:\n${output}`);
      if (
        await fetch(`${DEV}/search/`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (Date.now() > until) throw new Error(`astro dev did not answer on ${DEV}:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  test.afterAll(() => {
    if (server?.pid && server.exitCode === null) process.kill(-server.pid);
  });

  test('the search page and the header panel find errors, and say full text needs a build', async ({ page }) => {
    const failed: string[] = [];
    const errors: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });

    // A QuickBooks fault code: the structured ranker knows it.
    await page.goto(`${DEV}/search/?q=6240`);
    await expect(page.locator('main .search-status')).toContainText(NOTE);
    await expect(page.locator('main .search-status')).toContainText(/\d+ errors? match/);
    await expect(page.locator('[data-search-results] a.hit-link').first()).toHaveAttribute(
      'href',
      /^\/errors\/[a-z-]+\//,
    );

    await page.goto(`${DEV}/errors/`);
    const box = page.getByRole('searchbox', { name: 'Search errors' });
    await box.fill('duplicate invoice number');
    await expect(page.locator('#site-search-panel .hit-link').first()).toHaveAttribute(
      'href',
      '/errors/invoice-duplicate-number/?highlight=duplicate+invoice+number',
    );
    await expect(page.locator('site-search [role="status"]')).toContainText(NOTE);

    expect(failed, 'requests that failed (Pagefind is not asked for)').toEqual([]);
    expect(errors, 'errors in the page').toEqual([]);
  });
});
