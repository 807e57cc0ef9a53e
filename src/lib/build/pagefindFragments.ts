/**
 * The reader of Pagefind's fragments, used by the build (integrations/pagefind.ts) and the
 * export (scripts/export.ts). The text of the error pages as Pagefind indexed it, read back
 * from its fragment files (dist/pagefind/fragment/*.pf_fragment, gzipped JSON after a
 * "pagefind_dcd" signature), so the offline full text covers exactly the text the online one
 * does, split into the same sections. Node only (zlib).
 */
import { gunzipSync } from 'node:zlib';
import type { Section } from '../shared/search/types.ts';

export type { Section };

/** Where Pagefind writes its fragments in the built site. */
export const FRAGMENT_FOLDER = 'pagefind/fragment/';

export interface PagefindFragment {
  url: string;
  content: string;
  anchors: { element: string; id?: string; text: string; location: number }[];
}

/** Parses an unzipped fragment file. */
export function parseFragment(text: string): PagefindFragment {
  const data = JSON.parse(text.replace(/^pagefind_dcd/, '')) as Partial<PagefindFragment>;
  if (typeof data.url !== 'string' || typeof data.content !== 'string')
    throw new Error('not a Pagefind fragment: no url or content');
  return { url: data.url, content: data.content, anchors: Array.isArray(data.anchors) ? data.anchors : [] };
}

/**
 * Every fragment among a built site's files (path under the site → bytes), with its id: the
 * name Pagefind gives a result ("en_13331ec"), its file name without .pf_fragment.
 */
export function readFragments(
  files: Iterable<readonly [string, Uint8Array]>,
): { id: string; fragment: PagefindFragment }[] {
  return [...files]
    .filter(([path]) => path.startsWith(FRAGMENT_FOLDER))
    .map(([path, bytes]) => ({
      id: path.slice(FRAGMENT_FOLDER.length).replace(/\.pf_fragment$/, ''),
      fragment: parseFragment(gunzipSync(bytes).toString('utf8')),
    }));
}

/**
 * Splits a page's text at its h2/h3 anchors (`location` counts whitespace-separated words).
 * A section starts with its heading. (The heading's "#" link is not in the text: the pages mark
 * it data-pagefind-ignore.)
 */
export function sectionsOf(fragment: PagefindFragment): Section[] {
  const words = fragment.content.split(/\s+/).filter(Boolean);
  const cuts = fragment.anchors
    .filter((a) => a.id && /^h[23]$/.test(a.element) && a.location > 0 && a.location < words.length)
    .sort((a, b) => a.location - b.location);
  const sections: Section[] = [];
  let start = 0;
  let id: string | undefined;
  const push = (end: number) => {
    const text = words.slice(start, end).join(' ');
    if (text) sections.push(id ? { id, text } : { text });
  };
  for (const a of cuts) {
    push(a.location);
    start = a.location;
    id = a.id;
  }
  push(words.length);
  return sections;
}
