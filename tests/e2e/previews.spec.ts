/**
 * Link previews (og:image) for support agents: every error page of the catalog names a preview
 * image by its absolute address under SITE_URL, with its size, its alternative text (the title
 * and the code, read from content/) and a large Twitter card; the server answers that address
 * with a 1200×630 PNG within the byte budget, a different one for every error. No other page
 * carries an error's image, and the sitemap lists none.
 */
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { isErrorPage, readBuilt, sitePages } from '../../scripts/lib/dist.ts';
import { kb } from '../../scripts/lib/transfer.ts';
import { builtFileOf } from '../../src/lib/shared/urls.ts';
import { ERRORS } from '../content.ts';

/** The public address the site was built for (astro.config.mjs reads the same variable). */
const SITE = new URL(process.env['SITE_URL'] ?? 'https://help.example.com').href;
/** Bytes one preview may weigh. */
const BUDGET = 60 * 1024;
const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** Width and height from a PNG's IHDR chunk, the first after the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(12, 16).toString('latin1'), 'the first chunk is IHDR').toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.use({ javaScriptEnabled: false });

test('every error page names its own preview: absolute under SITE_URL, a 1200×630 PNG within budget, described by its title and code', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  expect(ERRORS.length, 'the catalog has errors').toBeGreaterThan(1);
  /** Each image's SHA-256 and the error whose page names it. */
  const images = new Map<string, string>();
  for (const { code, title } of ERRORS) {
    await page.goto(`/errors/${code}/`);
    const meta = (selector: string) => page.locator(`head > meta[${selector}]`);
    await expect(meta('property="og:image"'), `${code}: one og:image`).toHaveCount(1);
    const image = (await meta('property="og:image"').getAttribute('content'))!;
    expect(image.startsWith(SITE) && new URL(image).href === image, `${code}: ${image} is absolute under ${SITE}`).toBe(
      true,
    );
    expect(image, `${code}: a PNG`).toMatch(/\.png$/);
    await expect(meta('property="og:image:width"')).toHaveAttribute('content', '1200');
    await expect(meta('property="og:image:height"')).toHaveAttribute('content', '630');
    const alt = (await meta('property="og:image:alt"').getAttribute('content'))!;
    expect(alt, `${code}: the alternative text names the title`).toContain(title);
    expect(alt, `${code}: the alternative text names the code`).toContain(code);
    await expect(meta('name="twitter:card"')).toHaveAttribute('content', 'summary_large_image');

    // The image as the preview server serves it (the same path under SITE_URL's base).
    const response = await request.get(new URL(image).pathname);
    expect(response.status(), `${image} is served`).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^image\/png\b/);
    const bytes = await response.body();
    expect([...bytes.subarray(0, 8)], `${code}: the PNG signature`).toEqual(PNG_SIGNATURE);
    expect(pngSize(bytes), `${code}: the size of a large link preview`).toEqual({ width: 1200, height: 630 });
    expect(bytes.length, `${code}: ${kb(bytes.length)}`).toBeLessThanOrEqual(BUDGET);
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect(images.get(hash), `${code}: its image is no other error's`).toBeUndefined();
    images.set(hash, code);
  }
  expect(images.size).toBe(ERRORS.length);
});

test('two different errors get two different images, not one shared', async ({ page, request }) => {
  const imageOf = async (code: string) => {
    await page.goto(`/errors/${code}/`);
    const image = (await page.locator('head > meta[property="og:image"]').getAttribute('content'))!;
    return { image, bytes: await (await request.get(new URL(image).pathname)).body() };
  };
  const [a, b] = [await imageOf(ERRORS[0]!.code), await imageOf(ERRORS.at(-1)!.code)];
  expect(a.image).not.toBe(b.image);
  expect(a.bytes.equals(b.bytes)).toBe(false);
});

test('the pages that are not an error page carry no error image and keep the small card', async ({ page }) => {
  for (const path of ['/', '/search/']) {
    await page.goto(path);
    await expect(page.locator('meta[property^="og:image"]'), `${path}: no og:image`).toHaveCount(0);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary');
  }
  // Every other built page, read from disk: category and fault pages, search, triage, the 404 page…
  const errorPaths = new Set(ERRORS.map((e) => `/errors/${e.code}/`));
  const others = sitePages().filter((p) => !errorPaths.has(p));
  expect(others.length).toBeGreaterThan(10);
  for (const path of others)
    expect(readBuilt(builtFileOf(path)), `${path} carries no og:image`).not.toMatch(/property="og:image/);
  // The pages left out are the catalog's error pages, each built.
  expect(sitePages().filter((p) => isErrorPage(p) && errorPaths.has(p)).length).toBe(ERRORS.length);
});

test('the sitemap lists no preview image', () => {
  const locs = [...readBuilt('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(locs.length).toBeGreaterThan(0);
  expect(locs.filter((l) => /\.png$/.test(l))).toEqual([]);
});
