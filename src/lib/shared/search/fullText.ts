/**
 * The offline copy's full-text index: MiniSearch over the error pages, built at export time
 * (scripts/export.ts) and loaded from a classic script in the browser (src/client/search/
 * offline.ts). Both sides use these options, with the online search's own word splitting
 * and stemming (src/lib/shared/search/normalize.ts), so a query means the same words offline.
 */
import { paths } from '../urls.ts';
import type { Options } from 'minisearch';
import { isTerm, stem, words } from './normalize.ts';
import type { SearchDoc, Section } from './types.ts';
import { FULL_TEXT_BOOST } from './weights.ts';
import { escapeHtml } from './markup.ts';

/** One error page as MiniSearch indexes it. */
export interface FullTextDoc {
  code: string;
  title: string;
  summary: string;
  aliases: string;
  faults: string;
  text: string;
}

/** What search-index.js defines: the ranker's docs, the page sections for excerpts, the index. */
export interface OfflineSearchData {
  docs: SearchDoc[];
  sections: Record<string, Section[]>;
  index: unknown;
}

/** The global that search-index.js sets. */
export const SEARCH_DATA_GLOBAL = 'QBO_HELP_SEARCH';

export const fullTextOptions: Options<FullTextDoc> = {
  idField: 'code',
  fields: Object.keys(FULL_TEXT_BOOST),
  tokenize: (text) => words(text),
  processTerm: (term) => (isTerm(term) ? stem(term) : null),
  searchOptions: {
    // The error page gives Pagefind the same weights (weights.ts).
    boost: FULL_TEXT_BOOST,
    // Like Pagefind: every word must match (the engine relaxes long queries itself).
    combineWith: 'AND',
    prefix: (term) => term.length > 3,
    fuzzy: (term) => (term.length > 6 ? 0.2 : false),
  },
};

export function toFullTextDoc(doc: SearchDoc, sections: readonly Section[]): FullTextDoc {
  return {
    code: doc.code,
    title: doc.title,
    summary: doc.summary,
    aliases: doc.aliases.join(' · '),
    faults: doc.faults.map((f) => [f.name, f.message].filter(Boolean).join(': ')).join(' · '),
    text: sections.map((s) => s.text).join(' '),
  };
}

const EXCERPT_WORDS = 24;

/** Whether a word of the text is one of the matched stems. */
const matches = (word: string, stems: ReadonlySet<string>) => words(word).some((w) => stems.has(stem(w)));

/**
 * The excerpt of a section for the matched stems: about 24 words around the densest run of
 * matches, each matched word in <mark>, the rest escaped. Undefined when nothing matches.
 */
export function excerptOf(text: string, stems: ReadonlySet<string>): { html: string; marks: number } | undefined {
  const all = text.split(/\s+/).filter(Boolean);
  const hit = all.map((w) => matches(w, stems));
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < all.length; i++) {
    if (!hit[i]) continue;
    const count = hit.slice(i, i + EXCERPT_WORDS).filter(Boolean).length;
    if (count > bestCount) [best, bestCount] = [i, count];
  }
  if (best < 0) return undefined;
  const start = Math.max(0, Math.min(best - 4, all.length - EXCERPT_WORDS));
  const shown = all
    .slice(start, start + EXCERPT_WORDS)
    .map((w, i) => (hit[start + i] ? `<mark>${escapeHtml(w)}</mark>` : escapeHtml(w)));
  return { html: shown.join(' '), marks: bestCount };
}

/**
 * The link and excerpt of a matched page, as Pagefind gives them online: the section with an
 * id whose excerpt marks the most words (its URL carries the #id), else the top of the page.
 */
export function fragmentOf(
  code: string,
  sections: readonly Section[],
  stems: ReadonlySet<string>,
): { url?: string; excerpt?: string } {
  let best: { id: string; html: string; marks: number } | undefined;
  for (const s of sections) {
    if (!s.id) continue;
    const e = excerptOf(s.text, stems);
    if (e && e.marks > (best?.marks ?? 0)) best = { id: s.id, ...e };
  }
  if (best) return { url: paths.error(code, best.id), excerpt: best.html };
  const page = excerptOf(sections.map((s) => s.text).join(' '), stems);
  return page ? { excerpt: page.html } : {};
}
