/**
 * The link preview of an error page (its og:image): a card with the error's title, its code, its
 * category and the site's name, so that a link pasted into Slack or a ticket shows which error it
 * is. This file is what the card says and how it is laid out, as satori's element tree (plain
 * objects, no JSX); render.ts draws it. Nothing here loads a library: the page frame
 * (src/layouts/Base.astro) reads the size and the alternative text from here.
 */

/** The size Slack, Teams, ticket tools and social sites show large (og:image:width and og:image:height). */
export const PREVIEW_SIZE = { width: 1200, height: 630 } as const;
/** What a preview is served as. */
export const PREVIEW_TYPE = 'image/png';
/** Lines of the title at most; a longer title ends in an ellipsis on the last one. */
export const TITLE_LINES = 3;

/**
 * The card's colours: the site's light scheme (src/styles/global.css). Every text colour on its
 * background passes WCAG AA for normal text, 4.5:1 (tests/unit/preview.test.ts): ink on paper
 * 16.6:1, muted on paper 7.9:1, ink on the code's box 14.6:1, paper on accent 6.8:1.
 */
export const PREVIEW_COLOURS = {
  paper: '#ffffff',
  ink: '#1b1f24',
  muted: '#4a5260',
  accent: '#0a58b5',
  codeBox: '#eef1f5',
  border: '#c9d0da',
} as const;

/** The card's text on its backgrounds, [text, background]: what the contrast check reads. */
export const PREVIEW_TEXT_ON: readonly (readonly [text: string, background: string])[] = [
  [PREVIEW_COLOURS.ink, PREVIEW_COLOURS.paper],
  [PREVIEW_COLOURS.muted, PREVIEW_COLOURS.paper],
  [PREVIEW_COLOURS.ink, PREVIEW_COLOURS.codeBox],
  [PREVIEW_COLOURS.paper, PREVIEW_COLOURS.accent],
];

export interface PreviewContent {
  title: string;
  code: string;
  /** The display name of the error's primary category ("Client errors", content/categories/). */
  category: string;
  /** SITE_NAME (src/lib/build/config.ts). */
  siteName: string;
}

/** The preview's alternative text (og:image:alt): the title and the code, as the card shows them. */
export const previewAlt = ({ title, code }: Pick<PreviewContent, 'title' | 'code'>): string =>
  `${title} (error code ${code})`;

/** The font families of the card (render.ts loads them). */
export const SANS = 'Inter';
export const MONO = 'JetBrains Mono';

type Style = Record<string, string | number>;
/** A node of satori's element tree: React-element-like objects. */
export interface CardNode {
  type: string;
  props: { style: Style; children?: string | (string | CardNode)[]; src?: string; width?: number; height?: number };
}

const div = (style: Style, children?: CardNode['props']['children']): CardNode => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, ...(children === undefined ? {} : { children }) },
});

/** The site's mark (public/favicon.svg), beside its name. */
const MARK = `data:image/svg+xml,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${PREVIEW_COLOURS.accent}"/><path d="M9 16a7 7 0 0 1 12-5m2 5a7 7 0 0 1-12 5" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/><path d="M21 6v5h-5M11 26v-5h5" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>`,
)}`;

/**
 * The card: a band of the accent colour, the category, the title (at most TITLE_LINES lines, then
 * an ellipsis), the code on a line of its own in monospace in a box (one line, an ellipsis if it
 * is ever too long), and the site's mark and name at the bottom under a rule.
 */
export function previewTree({ title, code, category, siteName }: PreviewContent): CardNode {
  const c = PREVIEW_COLOURS;
  return div(
    {
      flexDirection: 'column',
      width: PREVIEW_SIZE.width,
      height: PREVIEW_SIZE.height,
      backgroundColor: c.paper,
      color: c.ink,
      fontFamily: SANS,
    },
    [
      div({ height: 16, backgroundColor: c.accent }),
      div({ flexDirection: 'column', flexGrow: 1, padding: '48px 72px 40px' }, [
        div({}, [
          div(
            {
              backgroundColor: c.accent,
              color: c.paper,
              fontSize: 30,
              fontWeight: 700,
              padding: '6px 20px',
              borderRadius: 8,
            },
            category,
          ),
        ]),
        div({ flexDirection: 'column', flexGrow: 1, justifyContent: 'center' }, [
          div(
            {
              display: 'block',
              fontSize: 60,
              fontWeight: 700,
              lineHeight: 1.18,
              lineClamp: TITLE_LINES,
              textOverflow: 'ellipsis',
            },
            title,
          ),
          div({ alignItems: 'center', marginTop: 28 }, [
            div({ color: c.muted, fontSize: 30, marginRight: 16, flexShrink: 0 }, 'Error code'),
            div(
              {
                fontFamily: MONO,
                fontSize: 34,
                fontWeight: 500,
                backgroundColor: c.codeBox,
                border: `2px solid ${c.border}`,
                borderRadius: 8,
                padding: '4px 16px',
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
              },
              code,
            ),
          ]),
        ]),
        div(
          { alignItems: 'center', borderTop: `2px solid ${c.border}`, paddingTop: 24, color: c.muted, fontSize: 30 },
          [{ type: 'img', props: { src: MARK, width: 40, height: 40, style: { marginRight: 16 } } }, siteName],
        ),
      ]),
    ],
  );
}
