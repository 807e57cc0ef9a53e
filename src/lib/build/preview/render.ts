/**
 * Draws a link preview (card.ts) at build time: satori lays the card out and writes its text as
 * SVG paths, with fonts shipped from npm (@fontsource's WOFF files), and resvg rasterizes the SVG
 * without system fonts, so a fresh clone builds the same bytes on any machine. The PNG is written
 * again with a palette by sharp. The route is src/pages/og/[code].png.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori, { type Font } from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { MONO, PREVIEW_SIZE, SANS, previewTree, type PreviewContent } from './card.ts';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const font = (file: string) => readFileSync(require.resolve(`@fontsource/${file}`));

let fonts: Font[] | undefined;

/** The card's fonts, read once a build (Latin): Inter regular and bold, JetBrains Mono for the code. */
function cardFonts(): Font[] {
  fonts ??= [
    { name: SANS, data: font('inter/files/inter-latin-400-normal.woff'), weight: 400, style: 'normal' },
    { name: SANS, data: font('inter/files/inter-latin-700-normal.woff'), weight: 700, style: 'normal' },
    {
      name: MONO,
      data: font('jetbrains-mono/files/jetbrains-mono-latin-500-normal.woff'),
      weight: 500,
      style: 'normal',
    },
  ];
  return fonts;
}

/**
 * The card as SVG, its text as paths; with `embedFont` false, as <text> elements laid out the same
 * way (what the tests read).
 */
export function previewSvg(content: PreviewContent, embedFont = true): Promise<string> {
  return satori(previewTree(content) as Parameters<typeof satori>[0], {
    ...PREVIEW_SIZE,
    fonts: cardFonts(),
    embedFont,
  });
}

/** The card as a PNG of PREVIEW_SIZE. */
export async function renderPreview(content: PreviewContent): Promise<Uint8Array<ArrayBuffer>> {
  const image = new Resvg(await previewSvg(content), { font: { loadSystemFonts: false } }).render();
  // resvg writes RGBA (about 42 KB a card); with a palette, the same card is less than half that.
  return new Uint8Array(
    await sharp(image.asPng()).png({ palette: true, compressionLevel: 9, effort: 10, dither: 0 }).toBuffer(),
  );
}
