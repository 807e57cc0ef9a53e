/** The header's search panel on the site (SearchForm.astro loads this on first focus). */
import { withBase } from '../../lib/shared/base.ts';
import { loadEngine } from './load.ts';
import { attachPanel } from './panel.ts';

export const attach = (root: HTMLElement): void => attachPanel(root, { loadEngine, href: (url) => withBase(url) });
