/**
 * The site's one Trusted Types policy. The pages' CSP requires Trusted Types for scripts
 * (astro.config.mjs), so the browser refuses a plain string in an HTML or script-URL sink;
 * search has two, and both go through this policy:
 *   - a result's excerpt (innerHTML): reduced to text and <mark> (excerptHtml);
 *   - offline, the src of search-index.js, which the copy loads as a classic script (offline.ts):
 *     only that file, next to search.js.
 * Where a browser has no Trusted Types, the same functions run, and strings are written.
 */
import { excerptHtml, SEARCH_POLICY } from '../../lib/shared/search/markup.ts';

interface Policy {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
}
interface PolicyFactory {
  createPolicy(
    name: string,
    rules: { createHTML: (s: string) => string; createScriptURL: (s: string) => string },
  ): Policy;
}

/** The offline search index is this file, next to the search script, and nothing else. */
function indexScriptUrl(url: string): string {
  if (!/^[^?#]*\/search-index\.js$/.test(url)) throw new TypeError(`${SEARCH_POLICY}: refused script ${url}`);
  return url;
}

const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
const policy = factory?.createPolicy(SEARCH_POLICY, { createHTML: excerptHtml, createScriptURL: indexScriptUrl });

/** Writes an excerpt's markup into `target`: text and <mark> only. */
export function setExcerpt(target: Element, html: string): void {
  // A TrustedHTML where the browser has Trusted Types; TypeScript's DOM types know only strings.
  target.innerHTML = (policy ? policy.createHTML(html) : excerptHtml(html)) as string;
}

/** Points a <script> at the offline search index. */
export function setIndexScript(script: HTMLScriptElement, url: string): void {
  script.src = (policy ? policy.createScriptURL(url) : indexScriptUrl(url)) as string;
}
