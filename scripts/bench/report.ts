/**
 * BENCHMARKS.md from the figures of one `npm run bench`. Everything in it is generated except
 * the notes between the NOTES markers, which are carried over from the previous file, so that
 * hand-written analysis survives a new run.
 */
import type { BuildFigure } from './builds.ts';
import type { ExportFigure } from './exporter.ts';
import type { LighthouseFigure } from './lighthouse.ts';
import type { PageFigure } from './pages.ts';
import type { FirstSearch, Latency } from './search.ts';
import { triageRows, type TriageFigure } from './triage.ts';

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  chromium: string;
  /** One-minute load averages at the start and the end of the run. */
  loadStart: number;
  loadEnd: number;
}

export interface Figures {
  command: string;
  machine: Machine;
  minutes: number;
  builds: BuildFigure[];
  pages: PageFigure[];
  firstSearch: FirstSearch;
  /** In the header panel, then on the search page. */
  latency: Latency[];
  exported: ExportFigure | undefined;
  lighthouse: LighthouseFigure[];
  /** Triage (issue 10); absent from runs before it. */
  triage?: TriageFigure;
}

export const NOTES_START = '<!-- NOTES: kept by npm run bench -->';
export const NOTES_END = '<!-- /NOTES -->';

/** The Starlight site built from the same 23 entries on the same machine (issue 6), not re-measured here. */
const ANCHOR = {
  build: '4.6 s (23 error pages; median of 5)',
  errorPage: '10 requests, 49 KB gzip (30.5 KB of it JavaScript)',
  jsOnLoad: '107 KB (16 scripts)',
  firstSearch: '+8 requests, +92 KB gzip; 353 ms from last keystroke to first result (a 300 ms typing delay included)',
  lighthouse: '99 / 100 / 100 / 90',
  accuracy: '54% of 48 realistic queries',
};

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const s = (x: number) => `${x.toFixed(1)} s`;
const ms = (x: number) => `${Math.round(x)} ms`;
const pct = (n: number, of: number) => `${Math.round((100 * n) / of)}%`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: (string | number)[][]) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

export function tables(f: Figures): string {
  const error = f.pages.find((p) => p.label.startsWith('error'))!;
  const lhError = f.lighthouse.find((l) => l.label.startsWith('error'));
  const real = f.builds.find((b) => b.label === 'real')!;
  const warm = f.builds.find((b) => b.label.startsWith('real, warm'));
  const [panel, onPage] = f.latency as [Latency, Latency];
  const scores = (l: LighthouseFigure) => `${l.scores.performance} / ${l.scores.accessibility} / ${l.scores['best-practices']} / ${l.scores.seo}`;
  const parts: string[] = [];

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
        ['JavaScript run on load (error page)', ANCHOR.jsOnLoad, `${kb(error.jsRunBytes)} (${error.scriptsRun} script${error.scriptsRun === 1 ? '' : 's'})`],
        [
          'first search',
          ANCHOR.firstSearch,
          `+${f.firstSearch.requests} requests, +${kb(f.firstSearch.wire)} gzip; ${ms(panel.medianMs)} median from last keystroke to first result (in the header panel, its input debounce included)`,
        ],
        ['Lighthouse mobile, error page (performance / accessibility / best practices / SEO)', ANCHOR.lighthouse, lhError ? scores(lhError) : 'not measured'],
        ['search: right page first', ANCHOR.accuracy, `${pct(onPage.first, onPage.queries)} of ${onPage.queries} queries (top three: ${pct(onPage.top3, onPage.queries)})`],
      ],
    ),
  );

  parts.push('\n## Build time\n');
  parts.push('Cold builds (no output, cache or .astro state) unless marked warm (the content-layer cache of the previous build kept), one after the other in a snapshot of the project. Synthetic catalogs are the real entries cloned with new codes, titles, aliases and text (scripts/bench/synth.ts).\n');
  parts.push(
    table(
      ['catalog', 'error pages', 'pages', 'runs', 'median wall', 'per page', 'median CPU', 'CPU per page', 'every run (wall)', 'load average after each run'],
      f.builds.map((b) => [
        b.label,
        b.errors,
        b.pages,
        b.runs.length,
        s(b.wall),
        ms((1000 * b.wall) / b.pages),
        b.cpu === undefined ? 'n/a' : s(b.cpu),
        b.cpu === undefined ? 'n/a' : ms((1000 * b.cpu) / b.pages),
        b.runs.map((r) => r.wall.toFixed(1)).join(', '),
        b.runs.map((r) => r.load.toFixed(1)).join(', '),
      ]),
    ),
  );

  parts.push('\n## First visit\n');
  parts.push('Every response until the network is quiet, in gzip bytes as a host with gzip sends them (text gzipped at level 6; images and Pagefind files as they are). "JavaScript run" is every script Chromium ran on load (its script coverage), uncompressed.\n');
  parts.push(
    table(
      ['page', 'path', 'requests', 'total', 'HTML', 'CSS', 'JavaScript', 'other', 'JavaScript run on load', 'search requests'],
      f.pages.map((p) => [p.label, `\`${p.path}\``, p.requests, kb(p.wire), kb(p.html), kb(p.css), kb(p.js), kb(p.other), `${kb(p.jsRunBytes)} in ${p.scriptsRun} (${kb(p.jsRunWire)} gzip)`, p.searchRequests]),
    ),
  );
  parts.push(`\nBudgets (tests/e2e/budgets.spec.ts, every error page): 15 KB gzip in all, 4 KB gzip of JavaScript, no search bytes before search is used.`);

  parts.push('\n## Search\n');
  const fs = f.firstSearch;
  parts.push(
    table(
      ['figure', 'value'],
      [
        ['search bytes before search is used (the three pages above)', `${f.pages.reduce((n, p) => n + p.searchRequests, 0)} requests`],
        [`first search: focus the header box on \`${fs.path}\`, type "${fs.query}"`, `+${fs.requests} requests, +${kb(fs.wire)} gzip`],
        ...Object.entries(fs.groups)
          .sort(([, a], [, b]) => b.wire - a.wire)
          .map(([group, g]) => [`&nbsp;&nbsp;of which ${group}`, `${g.requests} request${g.requests === 1 ? '' : 's'}, ${kb(g.wire)}`]),
        ['first search: focus to first result, cold (downloads included)', ms(fs.coldMs)],
        ...f.latency.map((l) => [
          `last keystroke to first result in ${l.where}, ${l.queries} queries of tests/search-queries.json`,
          `median ${ms(l.medianMs)}, 90th percentile ${ms(l.p90Ms)}, slowest ${ms(l.maxMs)}${l.timeouts ? `; ${l.timeouts} without a result within 5 s` : ''}`,
        ]),
        ['right page first / main page in the top three (search page)', `${onPage.first} of ${onPage.queries} (${pct(onPage.first, onPage.queries)}) / ${onPage.top3} of ${onPage.queries} (${pct(onPage.top3, onPage.queries)})`],
      ],
    ),
  );

  if (f.triage) parts.push('\n## Triage\n', table(['figure', 'value'], triageRows(f.triage)));

  parts.push('\n## Offline export\n');
  if (!f.exported) {
    parts.push(table(['figure', 'value'], [['`npm run export`', '**not measured yet**: scripts/export.ts does not exist']]));
  } else {
    const e = f.exported;
    const own = e.own ?? {};
    const num = (k: string) => (typeof own[k] === 'number' ? (own[k] as number) : undefined);
    const pdfs = e.files.filter((x) => x.path.endsWith('.pdf'));
    // PDF page counts, by file name, from the export's own figures.
    const pdfPages = new Map<string, number>();
    for (const x of [own['pdf'], ...((own['categoryPdfs'] as unknown[] | undefined) ?? [])] as ({ path?: string; pages?: number } | undefined)[]) {
      if (x?.path && typeof x.pages === 'number') pdfPages.set(x.path.split(/[\\/]/).pop()!, x.pages);
    }
    parts.push(
      table(
        ['figure', 'value'],
        [
          ['`npm run export`, after the build (whole command)', s(e.seconds)],
          ...e.files.filter((x) => x.path.endsWith('.zip')).map((x) => [`\`${x.path}\`${num('pages') ? ` (${num('pages')} pages, ${num('files')} files)` : ''}`, kb(x.bytes)]),
          ...(num('searchIndexBytes') ? [['&nbsp;&nbsp;of which the offline search (index and code, uncompressed)', kb(num('searchIndexBytes')! + (num('searchScriptBytes') ?? 0))]] : []),
          ...pdfs.map((x) => {
            const pages = pdfPages.get(x.path.split(/[\\/]/).pop()!);
            return [`\`${x.path}\``, `${kb(x.bytes)}${pages ? `, ${pages} pages` : ''}`];
          }),
          ['all files', `${e.files.length}, ${kb(e.files.reduce((n, x) => n + x.bytes, 0))}`],
        ],
      ),
    );
  }

  parts.push('\n## Lighthouse (mobile)\n');
  if (!f.lighthouse.length) parts.push('Not measured.');
  else {
    const first = f.lighthouse[0]!;
    parts.push(
      `Lighthouse ${first.version}, default mobile settings (simulated slow 4G, 4x CPU slowdown), system Chromium; ${first.performanceRuns.length === 1 ? 'one run per page' : `the median of ${first.performanceRuns.length} runs per page (by performance score)`}. Its CPU benchmark index for this machine in the reported runs: ${f.lighthouse.map((x) => Math.round(x.benchmarkIndex)).join(', ')} (Lighthouse's 4x slowdown is meant for a machine of about 1,000 or more; below that, blocking time is overstated).\n`,
    );
    parts.push(
      table(
        ['page', 'path', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP', 'TBT', 'CLS', 'performance, every run'],
        f.lighthouse.map((x) => [x.label, `\`${x.path}\``, x.scores.performance, x.scores.accessibility, x.scores['best-practices'], x.scores.seo, ms(x.lcpMs), ms(x.tbtMs), x.cls.toFixed(3), x.performanceRuns.join(', ')]),
      ),
    );
    parts.push('\n### Scored audits that do not fully pass (what keeps a score below 100, or would with a little more)\n');
    const lines: string[] = [];
    for (const x of f.lighthouse) {
      if (!x.findings.length) {
        lines.push(`- ${x.label}: nothing; every scored audit passes.`);
        continue;
      }
      for (const finding of x.findings) {
        const items = finding.items.length ? ` (${finding.items.map((i) => `\`${i}\``).join(', ')})` : '';
        lines.push(`- ${x.label}, ${finding.category}: ${finding.title}${finding.display ? `: ${finding.display}` : ''}, score ${finding.score.toFixed(2)}, weight ${finding.weight}${items}`);
      }
    }
    for (const w of new Set(f.lighthouse.flatMap((x) => x.warnings))) lines.push(`- Lighthouse warned: ${w.replace(/\s+/g, ' ')}`);
    parts.push(lines.join('\n'));
  }
  return parts.join('\n');
}

export function renderMarkdown(f: Figures, previous: string | undefined): string {
  const m = f.machine;
  const notesAt = previous?.indexOf(NOTES_START) ?? -1;
  const notesEnd = previous?.indexOf(NOTES_END) ?? -1;
  const notes = previous && notesAt >= 0 && notesEnd > notesAt ? previous.slice(notesAt, notesEnd + NOTES_END.length) : `${NOTES_START}\n${NOTES_END}`;
  return `# Benchmarks

Written by \`${f.command}\` (scripts/bench.ts) on ${m.date}, in ${f.minutes.toFixed(1)} minutes. Do not edit the figures by hand: run it again.

Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}; Node ${m.node}; Chromium ${m.chromium}. One-minute load average at the start and the end of the run: ${m.loadStart.toFixed(1)} and ${m.loadEnd.toFixed(1)}${Math.max(m.loadStart, m.loadEnd) > m.cores ? ' (more than the cores: the machine was busy with other work, which wall times include and CPU times much less)' : ''}.

${tables(f)}

## Notes

${notes}

## How it is measured

- The site is built and served from a snapshot of the project (scripts/bench/project.ts), so the run neither disturbs nor is disturbed by other builds of the checkout. Pages are served by a small static server with gzip (scripts/bench/server.ts), as a production host would serve them.
- Bytes are gzipped response bodies (scripts/bench/transfer.ts, shared with the budget tests); requests are every response a page and its workers received, in a fresh browser context (empty cache).
- The error and category pages measured are the largest ones (by HTML size) of the real catalog.
- Search timings use headless Chromium on the built site; a query goes into the search page's box as one input event (as the last keystroke, or a paste), and the clock stops when the first result link is in the page.
`;
}
