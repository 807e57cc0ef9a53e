/** The search page, /search/?q=…, on the site (src/pages/search.astro loads this). */
import { withBase } from '../../lib/base';
import { loadEngine } from './load';
import { attachResults } from './results';

export const attach = (root: HTMLElement): void => attachResults(root, { loadEngine, href: (url) => withBase(url) });
