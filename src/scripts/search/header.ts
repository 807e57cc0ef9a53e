/** The header's search panel on the site (SearchForm.astro loads this on first focus). */
import { loadEngine } from './load';
import { attachPanel } from './panel';

export const attach = (root: HTMLElement): void => attachPanel(root, { loadEngine, href: (url) => url });
