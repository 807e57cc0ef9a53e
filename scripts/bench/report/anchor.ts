/** The figures beside the Starlight anchor of issue 6. */
import type { Figures } from '../figures.ts';
import type { LighthouseFigure } from '../lighthouse.ts';
import type { Latency } from '../search.ts';
import { kb, ms, pct, s, table } from './format.ts';

/** The Starlight site built from the same 23 entries on the same machine (issue 6), not re-measured here. */
const ANCHOR = {
  build: '4.6 s (23 error pages; median of 5)',
  errorPage: '10 requests, 49 KB gzip (30.5 KB of it JavaScript)',
  jsOnLoad: '107 KB (16 scripts)',
  firstSearch: '+8 requests, +92 KB gzip; 353 ms from last keystroke to first result (a 300 ms typing delay included)',
  lighthouse: '99 / 100 / 100 / 90',
  accuracy: '54% of 48 realistic queries',
};

export function anchorSection(f: Figures): string {
  const parts: string[] = [];
  const error = f.pages.find((p) => p.label.startsWith('error'))!;
  const lhError = f.lighthouse.find((l) => l.label.startsWith('error'));
  const real = f.builds.find((b) => b.label === 'real')!;
  const warm = f.builds.find((b) => b.label.startsWith('real, warm'));
  const [panel, onPage] = f.latency as [Latency, Latency];
  const scores = (l: LighthouseFigure) =>
    `${l.scores.performance} / ${l.scores.accessibility} / ${l.scores['best-practices']} / ${l.scores.seo}`;
  parts.push('## Against the anchor\n');
  parts.push(
    'The Starlight figures were measured once, on this machine, from the same 23 entries (issue 6); this script does not re-measure them.\n',
  );
  parts.push(
    table(
      ['figure', 'Starlight 0.42 (Astro 7)', 'this help center'],
      [
        [
          `build, real catalog (median of ${real.runs.length})`,
          ANCHOR.build,
          `${s(real.wall)} cold${warm ? `, ${s(warm.wall)} with the cache of the previous build` : ''}; ${real.cpu === undefined ? '' : `${s(real.cpu)} of CPU; `}${real.pages} pages, ${real.errors} of them error pages`,
        ],
        [
          'error page, first visit',
          ANCHOR.errorPage,
          `${error.requests} requests, ${kb(error.wire)} gzip (${kb(error.js)} of it JavaScript)`,
        ],
        [
          'JavaScript run on load (error page)',
          ANCHOR.jsOnLoad,
          `${kb(error.jsRunBytes)} (${error.scriptsRun} script${error.scriptsRun === 1 ? '' : 's'})`,
        ],
        [
          'first search',
          ANCHOR.firstSearch,
          `+${f.firstSearch.requests} requests, +${kb(f.firstSearch.wire)} gzip; ${ms(panel.medianMs)} median from last keystroke to first result (in the header panel, its input debounce included)`,
        ],
        [
          'Lighthouse mobile, error page (performance / accessibility / best practices / SEO)',
          ANCHOR.lighthouse,
          lhError ? scores(lhError) : 'not measured',
        ],
        [
          'search: right page first',
          ANCHOR.accuracy,
          `${pct(onPage.first, onPage.queries)} of ${onPage.queries} queries (top three: ${pct(onPage.top3, onPage.queries)})`,
        ],
      ],
    ),
  );

  return parts.join('\n');
}
