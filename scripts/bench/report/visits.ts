/** First visits: requests and bytes per page. */
import type { Figures } from '../figures.ts';
import { kb, table } from './format.ts';

export function visitsSection(f: Figures): string {
  const parts: string[] = [];
  parts.push('## First visit\n');
  parts.push(
    'Every response until the network is quiet, in gzip bytes as a host with gzip sends them (text gzipped at level 6; images and Pagefind files as they are). "JavaScript run" is every script Chromium ran on load (its script coverage), uncompressed.\n',
  );
  parts.push(
    table(
      [
        'page',
        'path',
        'requests',
        'total',
        'HTML',
        'CSS',
        'JavaScript',
        'other',
        'JavaScript run on load',
        'search requests',
      ],
      f.pages.map((p) => [
        p.label,
        `\`${p.path}\``,
        p.requests,
        kb(p.wire),
        kb(p.html),
        kb(p.css),
        kb(p.js),
        kb(p.other),
        `${kb(p.jsRunBytes)} in ${p.scriptsRun} (${kb(p.jsRunWire)} gzip)`,
        p.searchRequests,
      ]),
    ),
  );
  parts.push(
    `\nBudgets (tests/e2e/budgets.spec.ts, every error page): 15 KB gzip in all, 4 KB gzip of JavaScript, no search bytes before search is used.`,
  );

  return parts.join('\n');
}
