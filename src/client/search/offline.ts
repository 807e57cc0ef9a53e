/**
 * The search of the offline copy, bundled by the export into one classic script (search.js
 * at the copy's root) because module scripts and fetch() do not load from file://. It defines
 * the same <site-search> and <search-page> elements as the site, running the same panel and
 * page (panel.ts, results.ts) with the same engine on the same complete data (the ranker's
 * docs with each page's words: the same ranking as online), with MiniSearch for excerpts: the
 * index is a classic script too (search-index.js, defining a global), added to the page on the
 * first search.
 */
import { offlineHref } from '../../lib/shared/offlineLinks.ts';
import { SEARCH_DATA_GLOBAL, type OfflineSearchData } from '../../lib/shared/search/fullText.ts';
import { SearchEngine, wholeIndex } from '../../lib/shared/search/engine.ts';
import { miniSearchFullText } from '../../lib/shared/search/minisearch.ts';
import { bindSearchSubmit } from './handoff.ts';
import { attachPanel } from './panel.ts';
import { highlightFromAddress } from './highlightPage.ts';
import { setIndexScript } from './policy.ts';
import { attachResults } from './results.ts';
import { bindSearchShortcut } from './shortcut.ts';
import type { SearchSite } from './render.ts';
import { handle as feedback } from '../feedback/widget.ts';
import { flush } from '../feedback/queue.ts';

// This script sits at the copy's root: the page's own file is its address past that root.
const root = new URL('.', (document.currentScript as HTMLScriptElement).src).href;
const here = decodeURI(location.href.slice(root.length).replace(/[?#].*$/, ''));

let engine: Promise<SearchEngine> | undefined;

function loadEngine(): Promise<SearchEngine> {
  engine ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    setIndexScript(script, `${root}search-index.js`);
    script.onload = () => {
      const data = (window as unknown as Record<string, OfflineSearchData | undefined>)[SEARCH_DATA_GLOBAL];
      if (data)
        resolve(new SearchEngine(data.docs, { known: wholeIndex(data.docs), fullText: miniSearchFullText(data) }));
      else reject(new Error(`search-index.js did not define ${SEARCH_DATA_GLOBAL}`));
    };
    script.onerror = () => reject(new Error('search-index.js is missing next to search.js'));
    document.head.append(script);
  });
  return engine;
}

const site: SearchSite = { loadEngine, href: (url) => offlineHref(here, url) };

// As in SearchForm.astro: the panel starts on first focus; "/" and Ctrl/Cmd+K focus the box.
class SiteSearch extends HTMLElement {
  #attached = false;
  connectedCallback() {
    const input = this.querySelector('input')!;
    const start = () => {
      if (!this.#attached) attachPanel(this, site);
      this.#attached = true;
    };
    input.addEventListener('focus', start, { once: true });
    bindSearchShortcut(input);
    bindSearchSubmit(this.querySelector('form')!, input);
  }
}

class SearchPage extends HTMLElement {
  connectedCallback() {
    attachResults(this, site);
  }
}

customElements.define('site-search', SiteSearch);
customElements.define('search-page', SearchPage);

// A page opened from a search result highlights the searched words, as online (SearchForm.astro).
if (new URLSearchParams(location.search).has('highlight')) highlightFromAddress();

// "Was this helpful?" (issue 21), where the build named a destination: the same widget as online,
// whose answers wait in this browser until it has a network (and can go to support by e-mail).
class HelpFeedback extends HTMLElement {
  connectedCallback() {
    this.addEventListener('click', (event) => feedback(this, event.target));
  }
}
if (!customElements.get('help-feedback')) customElements.define('help-feedback', HelpFeedback);
flush();
