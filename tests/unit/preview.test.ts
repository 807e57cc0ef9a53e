/**
 * The link preview card (src/lib/build/preview/): readable (WCAG AA contrast, the title in at most
 * three lines and then an ellipsis, the code in monospace on its own line, the category and the
 * site's name), drawn as a 1200×630 PNG whose palette holds resvg's pixels exactly, within its
 * budget, the same bytes every time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import {
  MONO,
  PREVIEW_SIZE,
  PREVIEW_TEXT_ON,
  SANS,
  TITLE_LINES,
  previewAlt,
  type PreviewContent,
} from '../../src/lib/build/preview/card.ts';
import { previewSvg, renderPreview } from '../../src/lib/build/preview/render.ts';

/** What tests/e2e/previews.spec.ts holds every built preview to. */
const BUDGET = 60 * 1024;
/** The site's name, as SITE_NAME (src/lib/build/config.ts, which reads the build's environment). */
const SITE_NAME = 'QuickBooks Online sync errors';
/** The longest title the content contract allows (src/content.config.ts: 120 characters). */
const LONGEST_TITLE =
  'The invoice could not be synced because the customer it names in QuickBooks has a different currency from its item lines';

const card = (over: Partial<PreviewContent> = {}): PreviewContent => ({
  title: 'The item already exists in QuickBooks',
  code: 'item-duplicate',
  category: 'Item errors',
  siteName: SITE_NAME,
  ...over,
});

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) =>
    [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

interface Text {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  family: string;
}

/** The card's words as satori lays them out (<text> elements: previewSvg without embedded fonts). */
async function words(content: PreviewContent): Promise<Text[]> {
  const svg = await previewSvg(content, false);
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map(([, attrs, text]) => {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs!)?.[1] ?? '';
    return {
      text: text!,
      x: Number(attr('x')),
      y: Number(attr('y')),
      width: Number(attr('width')),
      size: Number(attr('font-size')),
      family: attr('font-family'),
    };
  });
}

const TITLE_SIZE = 60;
const lineOf = (texts: Text[], y: number) =>
  texts
    .filter((t) => t.y === y)
    .map((t) => t.text)
    .join('');

/** A PNG's header, and its pixels as RGB when it is an 8-bit palette PNG with unfiltered rows. */
function readPng(png: Uint8Array): { width: number; height: number; colourType: number; rgb?: Uint8Array } {
  assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'the PNG signature');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks = new Map<string, Uint8Array[]>();
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    chunks.set(type, [...(chunks.get(type) ?? []), png.subarray(at + 8, at + 8 + length)]);
    at += 12 + length;
  }
  const header = chunks.get('IHDR')![0]!;
  const h = new DataView(header.buffer, header.byteOffset);
  const width = h.getUint32(0);
  const height = h.getUint32(4);
  const colourType = header[9]!;
  if (colourType !== 3) return { width, height, colourType };
  const palette = chunks.get('PLTE')![0]!;
  const rows = inflateSync(Buffer.concat(chunks.get('IDAT')!));
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    assert.equal(rows[y * (width + 1)], 0, 'rows are unfiltered');
    for (let x = 0; x < width; x++)
      rgb.set(
        palette.subarray(rows[y * (width + 1) + 1 + x]! * 3, rows[y * (width + 1) + 1 + x]! * 3 + 3),
        (y * width + x) * 3,
      );
  }
  return { width, height, colourType, rgb };
}

test('every text of the card on its background passes WCAG AA (4.5:1)', () => {
  for (const [text, background] of PREVIEW_TEXT_ON)
    assert.ok(
      contrast(text, background) >= 4.5,
      `${text} on ${background}: ${contrast(text, background).toFixed(2)}:1`,
    );
});

test('the card says the title, the code in monospace on its own line, the category and the site name', async () => {
  const texts = await words(card());
  const title = texts.filter((t) => t.size === TITLE_SIZE);
  assert.equal(title.map((t) => t.text).join(''), 'The item already exists in QuickBooks');
  const code = texts.filter((t) => t.family === MONO.toLowerCase());
  assert.equal(code.map((t) => t.text).join(''), 'item-duplicate');
  assert.ok(Math.min(...code.map((t) => t.y)) > Math.max(...title.map((t) => t.y)), 'the code is below the title');
  const sans = texts.filter((t) => t.family === SANS.toLowerCase() && t.size !== TITLE_SIZE);
  const lines = [...new Set(sans.map((t) => t.y))].map((y) => lineOf(sans, y));
  assert.ok(lines.includes('Item errors'), `the category: ${lines.join(' | ')}`);
  assert.ok(lines.includes(SITE_NAME), `the site name: ${lines.join(' | ')}`);
  assert.ok(lines.includes('Error code'), `the code's label: ${lines.join(' | ')}`);
  for (const t of texts)
    assert.ok(
      t.x >= 0 && t.x + t.width <= PREVIEW_SIZE.width && t.y <= PREVIEW_SIZE.height,
      `"${t.text}" is inside the card`,
    );
});

test(`a long title wraps to ${TITLE_LINES} lines at most and ends in an ellipsis`, async () => {
  assert.equal(LONGEST_TITLE.length, 120);
  const title = (await words(card({ title: LONGEST_TITLE }))).filter((t) => t.size === TITLE_SIZE);
  const ys = [...new Set(title.map((t) => t.y))];
  assert.equal(ys.length, TITLE_LINES);
  assert.match(lineOf(title, ys.at(-1)!), /…$/);
  for (const t of title) assert.ok(t.x + t.width <= PREVIEW_SIZE.width - 72, `"${t.text}" stays inside the margin`);
  // A title that fits is not cut.
  const short = (await words(card())).filter((t) => t.size === TITLE_SIZE);
  assert.doesNotMatch(short.map((t) => t.text).join(''), /…/);
});

test('the PNG: 1200×630, a palette holding exactly the pixels resvg drew, within budget, the same bytes twice', async () => {
  const content = card({ title: LONGEST_TITLE, code: 'payment-confirmation-too-long' });
  const png = await renderPreview(content);
  const { width, height, colourType, rgb } = readPng(png);
  assert.deepEqual({ width, height }, PREVIEW_SIZE);
  assert.equal(colourType, 3, 'a palette PNG');
  const drawn = new Resvg(await previewSvg(content), { font: { loadSystemFonts: false } }).render().pixels;
  const expected = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) expected.set(drawn.subarray(i * 4, i * 4 + 3), i * 3);
  assert.ok(Buffer.from(rgb!).equals(Buffer.from(expected)), 'the palette PNG holds the rendered pixels');
  assert.ok(png.length <= BUDGET, `${png.length} bytes`);
  assert.ok(Buffer.from(await renderPreview(content)).equals(Buffer.from(png)), 'deterministic');
});

test('the alternative text names the title and the code', () => {
  assert.equal(previewAlt(card()), 'The item already exists in QuickBooks (error code item-duplicate)');
});
