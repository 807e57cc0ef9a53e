/**
 * Triage and /go/ in the offline copy: bundled by the export into one classic script
 * (triage.js at the copy's root, added to those two pages only) because module scripts do
 * not load from file://. Same code as the site (page.ts); links become relative files.
 */
import { offlineHref } from '../../lib/shared/offlineLinks.ts';
import { attachGo, attachTriage, type TriageSite } from './page.ts';

// This script sits at the copy's root: the page's own file is its address past that root.
const root = new URL('.', (document.currentScript as HTMLScriptElement).src).href;
const here = decodeURI(location.href.slice(root.length).replace(/[?#].*$/, ''));
const site: TriageSite = { href: (path) => offlineHref(here, path) };

class TriagePage extends HTMLElement {
  connectedCallback() {
    attachTriage(this, site);
  }
}
class GoLink extends HTMLElement {
  connectedCallback() {
    attachGo(this, site);
  }
}
customElements.define('triage-page', TriagePage);
customElements.define('go-link', GoLink);
