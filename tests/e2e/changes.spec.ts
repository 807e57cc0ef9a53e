/**
 * What changed: /changes.xml is well-formed Atom (parsed by the browser's XML parser) with the
 * elements the format requires, newest first, and every error page's last change is in it,
 * linking to that page by its absolute address; /changes/ lists the same.
 */
import { test, expect } from '@playwright/test';
import { CODES } from '../content.ts';

const SITE = 'https://help.example.com';

test('/changes.xml is valid Atom and lists every error page, linked, newest first', async ({ page, request }) => {
  const response = await request.get('/changes.xml');
  expect(response.ok()).toBe(true);
  const xml = await response.text();
  // A blank page: the site's own pages require Trusted Types, which DOMParser would need.
  await page.goto('about:blank');
  const feed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const ATOM = 'http://www.w3.org/2005/Atom';
    const root = doc.documentElement;
    const child = (el: Element, name: string) =>
      [...el.children].filter((c) => c.namespaceURI === ATOM && c.localName === name);
    const one = (el: Element, name: string) => child(el, name).map((c) => c.textContent?.trim() ?? '');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: `${root.namespaceURI} ${root.localName}`,
      id: one(root, 'id'),
      title: one(root, 'title'),
      updated: one(root, 'updated'),
      authors: child(root, 'author').map((a) => one(a, 'name')[0]),
      self: child(root, 'link')
        .filter((l) => l.getAttribute('rel') === 'self')
        .map((l) => l.getAttribute('href')),
      entries: child(root, 'entry').map((e) => ({
        id: one(e, 'id'),
        title: one(e, 'title'),
        updated: one(e, 'updated'),
        links: child(e, 'link').map((l) => l.getAttribute('href')),
      })),
    };
  }, xml);
  expect(feed.error).toBeNull();
  expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
  expect(feed.id).toHaveLength(1);
  expect(feed.title).toHaveLength(1);
  expect(feed.updated).toHaveLength(1);
  expect(feed.authors).toHaveLength(1);
  expect(feed.self).toEqual([`${SITE}/changes.xml`]);
  const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
  expect(feed.updated[0]).toMatch(rfc3339);
  expect(feed.entries.length).toBeGreaterThanOrEqual(CODES.length);
  const ids = new Set<string>();
  for (const entry of feed.entries) {
    expect(entry.id, JSON.stringify(entry)).toHaveLength(1);
    expect(entry.title[0], JSON.stringify(entry)).toBeTruthy();
    expect(entry.updated[0], JSON.stringify(entry)).toMatch(rfc3339);
    expect(entry.links, JSON.stringify(entry)).toHaveLength(1);
    expect(entry.links[0]).toMatch(new RegExp(`^${SITE}/errors/[a-z0-9-]+/$`));
    ids.add(entry.id[0]!);
  }
  expect(ids.size, 'entry ids are unique').toBe(feed.entries.length);
  const dates = feed.entries.map((e) => Date.parse(e.updated[0]!));
  expect(dates, 'newest first').toEqual([...dates].sort((a, b) => b - a));
  expect(Date.parse(feed.updated[0]!)).toBe(dates[0]);
  const linked = new Set(feed.entries.map((e) => e.links[0]));
  expect(
    CODES.filter((code) => !linked.has(`${SITE}/errors/${code}/`)),
    'errors with no change listed',
  ).toEqual([]);
});

test('/changes/ lists a change for every error, links each to its page, and offers the feed', async ({ page }) => {
  await page.goto('/changes/');
  await expect(page.getByRole('heading', { level: 1, name: 'What changed' })).toBeVisible();
  const hrefs = await page.locator('main .changes a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(CODES.filter((code) => !hrefs.includes(`/errors/${code}/`))).toEqual([]);
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    'href',
    `${SITE}/changes.xml`,
  );
  await expect(page.getByRole('link', { name: 'the Atom feed of what changed' })).toHaveAttribute(
    'href',
    `${SITE}/changes.xml`,
  );
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'What changed', exact: true }).click();
  await expect(page).toHaveURL(/\/changes\/$/);
});
