/** The search page, /search/?q=…, on the site (src/pages/search.astro loads this). */
import { withBase } from '../../lib/shared/base.ts';
import { loadEngine } from './load.ts';
import { attachResults } from './results.ts';

export const attach = (root: HTMLElement): void => attachResults(root, { loadEngine, href: (url) => withBase(url) });
