/** Search: first search downloads, latency, accuracy. */
import type { Figures } from '../figures.ts';
import type { Latency } from '../search.ts';
import { kb, ms, pct, table } from './format.ts';

export function searchSection(f: Figures): string {
  const parts: string[] = [];
  const [, onPage] = f.latency as [Latency, Latency];
  parts.push('## Search\n');
  const fs = f.firstSearch;
  parts.push(
    table(
      ['figure', 'value'],
      [
        [
          'search bytes before search is used (the three pages above)',
          `${f.pages.reduce((n, p) => n + p.searchRequests, 0)} requests`,
        ],
        [
          `first search: focus the header box on \`${fs.path}\`, enter "${fs.query}" (one input event)`,
          `+${fs.requests} requests, +${kb(fs.wire)} gzip`,
        ],
        ...Object.entries(fs.groups)
          .sort(([, a], [, b]) => b.wire - a.wire)
          .map(([group, g]) => [
            `&nbsp;&nbsp;of which ${group}`,
            `${g.requests} request${g.requests === 1 ? '' : 's'}, ${kb(g.wire)}`,
          ]),
        [
          'first search: focus to the first result shown (the structured ranker, before Pagefind), cold',
          fs.firstResult
            ? `+${fs.firstResult.requests} requests, +${kb(fs.firstResult.wire)} gzip, ${ms(fs.firstResult.ms)}`
            : 'not measured',
        ],
        [
          'first search: focus to full results (ranked on the complete data, with the excerpts of Pagefind), cold (downloads included)',
          ms(fs.coldMs),
        ],
        ...f.latency.map((l) => [
          `last keystroke to first result in ${l.where}, ${l.queries} queries of tests/search-queries.json`,
          `median ${ms(l.medianMs)}, 90th percentile ${ms(l.p90Ms)}, slowest ${ms(l.maxMs)}; full results (ranked on the complete data, with the excerpts of Pagefind) median ${ms(l.fullMedianMs)}${l.timeouts ? `; ${l.timeouts} without full results within 5 s` : ''}`,
        ]),
        [
          'right page first / main page in the top three (search page)',
          [onPage.first, onPage.top3].map((n) => `${n} of ${onPage.queries} (${pct(n, onPage.queries)})`).join(' / '),
        ],
      ],
    ),
  );

  if (f.atScale?.length) {
    parts.push('\n### Search at scale\n');
    const panel = f.latency[0]!;
    const columns = [
      { label: 'real catalog', firstSearch: fs, latency: panel },
      ...f.atScale.map((a) => ({ label: `${a.errors.toLocaleString('en-US')} errors (synthetic)`, ...a })),
    ];
    parts.push(
      table(
        ['figure', ...columns.map((c) => c.label)],
        [
          [
            'focus to first result shown: downloads (gzip)',
            ...columns.map((c) => (c.firstSearch.firstResult ? kb(c.firstSearch.firstResult.wire) : '–')),
          ],
          ['first search in all, Pagefind included (gzip)', ...columns.map((c) => kb(c.firstSearch.wire))],
          [
            '&nbsp;&nbsp;of which search data',
            ...columns.map((c) => kb(c.firstSearch.groups['search data']?.wire ?? 0)),
          ],
          [
            '&nbsp;&nbsp;of which Pagefind (code, WebAssembly, index)',
            ...columns.map((c) =>
              kb(
                (c.firstSearch.groups['Pagefind code and WebAssembly']?.wire ?? 0) +
                  (c.firstSearch.groups['Pagefind index']?.wire ?? 0),
              ),
            ),
          ],
          ['last keystroke to first result, header panel, median', ...columns.map((c) => ms(c.latency.medianMs))],
          [
            'last keystroke to full results (ranked on the complete data, with the excerpts of Pagefind), header panel, median',
            ...columns.map((c) => ms(c.latency.fullMedianMs)),
          ],
        ],
      ),
    );
    parts.push(
      '\nThe synthetic catalogs are built with CONTENT_DIR (scripts/bench/synth.ts) and searched with the real query set (its expected pages do not exist there: latency only).',
    );
  }

  return parts.join('\n');
}
