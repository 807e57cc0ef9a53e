/** The header's search panel on the site (SearchForm.astro loads this on first focus). */
import { withBase } from '../../lib/base';
import { loadEngine } from './load';
import { attachPanel } from './panel';

export const attach = (root: HTMLElement): void => attachPanel(root, { loadEngine, href: (url) => withBase(url) });
