/**
 * MiniSearch as the full-text index of the offline copy (engine.ts), loaded from the index
 * that the export prebuilt (src/lib/shared/search/fullText.ts). Excerpts and section links are made
 * from the page sections the index carries, as Pagefind makes them online.
 */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { fragmentOf, fullTextOptions, type FullTextDoc, type OfflineSearchData } from './fullText.ts';
import type { FullText } from './engine.ts';

export function miniSearchFullText(data: OfflineSearchData): FullText {
  const index = MiniSearch.loadJS<FullTextDoc>(data.index as AsPlainObject, fullTextOptions);
  return {
    async search(q) {
      return index.search(q).map((r) => {
        const code = String(r.id);
        // Own keys only: the sections are a plain object (JSON), whose prototype has keys too.
        const sections = Object.hasOwn(data.sections, code) ? data.sections[code]! : [];
        return {
          code,
          score: r.score,
          fragment: async () => fragmentOf(code, sections, new Set(r.terms)),
          text: async () => sections.map((s) => s.text).join(' '),
        };
      });
    },
  };
}
