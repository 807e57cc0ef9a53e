/**
 * Copies for assistants: /llms.txt and /llms-full.txt carry every code; every error has its
 * /errors/<code>.md, its page points to it (<link rel="alternate" type="text/markdown">), and
 * the copy's "How to fix" steps are the page's steps, read from the page in the browser and
 * from the copy by a Markdown parser.
 */
import { test, expect, type Page } from '@playwright/test';
import type { List, ListItem, Root, RootContent } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { fixStepItems } from './helpers.ts';
import { CODES, ERRORS } from '../content.ts';

const SITE = 'https://help.example.com';

/** Text of a Markdown node, blocks separated by a space (a step's sub-list is a new line on the page). */
function textOf(node: RootContent | Root): string {
  if ('value' in node && node.type !== 'html') return node.value;
  if (!('children' in node)) return '';
  const sep = ['listItem', 'list', 'root'].includes(node.type) ? ' ' : '';
  return (node.children as RootContent[]).map(textOf).join(sep);
}
const norm = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

/** The items of the first ordered list after "## How to fix" in a Markdown document. */
function markdownSteps(md: string): string[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(md) as Root;
  const at = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 2 && textOf(n) === 'How to fix');
  expect(at, 'the copy has a "How to fix" section').toBeGreaterThanOrEqual(0);
  const list = tree.children.slice(at + 1).find((n): n is List => n.type === 'list' && n.ordered === true);
  return (list?.children ?? []).map((item: ListItem) => norm(textOf(item)));
}

const pageSteps = (page: Page) =>
  fixStepItems(page).evaluateAll((lis) => lis.map((li) => (li as HTMLElement).innerText));

test('/llms.txt says what the site is and lists every error with its summary and absolute link', async ({
  request,
}) => {
  const text = await (await request.get('/llms.txt')).text();
  expect(text).toMatch(/^# .+\n\n> .+/);
  for (const code of CODES) expect(text, code).toContain(`](${SITE}/errors/${code}.md) (${code}): `);
  expect(text).toContain(`${SITE}/llms-full.txt`);
  expect(text.match(/\]\((?!https:\/\/)[^)]*\)/g), 'every link is absolute').toBeNull();
});

test('/llms-full.txt holds every error as Markdown', async ({ request }) => {
  const text = await (await request.get('/llms-full.txt')).text();
  for (const e of ERRORS) {
    expect(text, e.code).toContain(`# ${e.title.replace(/([*_[\]])/g, '\\$1')}\n`);
    expect(text, e.code).toContain(`**Error code:** \`${e.code}\``);
  }
});

test("every error page points to its Markdown copy, and the copy has the page's fix steps", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  for (const code of CODES) {
    await page.goto(`/errors/${code}/`);
    const alternate = page.locator('link[rel="alternate"][type="text/markdown"]');
    await expect(alternate).toHaveAttribute('href', `/errors/${code}.md`);
    const response = await request.get(`/errors/${code}.md`);
    expect(response.ok(), `/errors/${code}.md`).toBe(true);
    const md = await response.text();
    expect(md, code).toContain(`${SITE}/errors/${code}/`);
    const steps = (await pageSteps(page)).map(norm);
    expect(steps.length, `${code}: the page has steps`).toBeGreaterThan(0);
    expect(markdownSteps(md), code).toEqual(steps);
    // Links are absolute: the copy is read away from the site.
    expect(md.match(/\]\((?!https:\/\/|mailto:)[^)]*\)/g), `${code}: relative links`).toBeNull();
  }
});
