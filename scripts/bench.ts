/**
 * `npm run bench`: builds the help center and measures it, prints the figures and rewrites
 * BENCHMARKS.md with them (beside the Starlight anchor of issue 6).
 *
 *   npm run bench               build times (real catalog x5 cold and x5 warm, 1,000 errors x3,
 *                               5,000 errors x1), page weights, search, export, Lighthouse
 *                               (median of 3 runs per page)
 *   npm run bench -- --quick    fewer runs (real x3, 1,000 errors x1, no 5,000; Lighthouse x1),
 *                               to try a change
 *
 * Everything runs in a snapshot of the project under the system temp folder (scripts/lib/
 * project.ts); the checkout's dist/ and export/ are not touched.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './lib/chromium.ts';
import { largestPage } from './lib/dist.ts';
import { ROOT, snapshotProject } from './lib/project.ts';
import { loadQueries, QUERY_SETS } from './lib/queries.ts';
import { measureSet, readBuilt } from './lib/accuracy.ts';
import { serveStatic } from './lib/server.ts';
import { timeBuilds, type BuildFigure } from './bench/builds.ts';
import { hasExport, measureExport } from './bench/exporter.ts';
import { lighthouseMedian, type LighthouseFigure } from './bench/lighthouse.ts';
import { measurePage, type PageFigure } from './bench/pages.ts';
import { loadNow, thisMachine } from './bench/machine.ts';
import { renderMarkdown, tables, type Figures } from './bench/report.ts';
import { measureFirstSearch, measureLatency, type SearchAtScale } from './bench/search.ts';
import { isErrorPage } from './lib/dist.ts';
import type { Query } from './lib/queries.ts';
import { categoryOf } from '../src/lib/shared/urls.ts';
import { measureTriage } from './bench/triage.ts';

const quick = process.argv.includes('--quick');
interface Step {
  label: string;
  runs: number;
  /** Errors in a synthetic catalog; the real catalog when absent. */
  size?: number;
  /** Keep the previous build's caches (else every run starts clean). */
  warm?: boolean;
}
const PLAN: Step[] = quick
  ? [
      { label: '1,000 errors', runs: 1, size: 1000 },
      { label: 'real', runs: 3 },
    ]
  : [
      // One run: a cold build of 5,000 pages takes minutes on two cores.
      { label: '5,000 errors', runs: 1, size: 5000 },
      { label: '1,000 errors', runs: 3, size: 1000 },
      { label: 'real', runs: 5 },
      { label: 'real, warm cache', runs: 5, warm: true },
    ];
/** Lighthouse runs per page; the median one is reported. */
const LIGHTHOUSE_RUNS = quick ? 1 : 3;
const FIRST_QUERY = 'closed period';

const started = performance.now();
const log = (message: string) =>
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

/** The first search and the header panel's latency on a synthetic catalog's build in `dist`. */
async function measureSearchAtScale(dist: string, errors: number, queries: Query[]): Promise<SearchAtScale> {
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const path = largestPage(isErrorPage, dist);
    const firstSearch = await measureFirstSearch(browser, server.origin, path, FIRST_QUERY);
    const latency = await measureLatency(browser, server.origin, queries, 'panel', path);
    return { errors, firstSearch, latency };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const loadStart = loadNow();
  const work = mkdtempSync(join(tmpdir(), 'hc-bench-'));
  // Stopped with Ctrl+C: leave no snapshot behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      rmSync(work, { recursive: true, force: true });
      process.exit(130);
    });
  }
  try {
    log(`snapshot of the project in ${work}`);
    const project = snapshotProject(join(work, 'project'));
    const dist = join(project, 'dist');

    // Synthetic catalogs first; the real one last, so that its output stays for what follows.
    const builds: BuildFigure[] = [];
    const atScale: SearchAtScale[] = [];
    const queries = loadQueries();
    for (const step of PLAN) {
      log(`building: ${step.label} catalog, ${step.runs} run(s)`);
      const outDir = step.size ? join(project, 'dist-synthetic') : dist;
      builds.push(await timeBuilds(project, outDir, { ...step, work, log }));
      if (step.size && !step.warm) {
        // Search at that scale, on the last build, before it goes.
        log(`search on the ${step.label} catalog`);
        atScale.push(await measureSearchAtScale(outDir, step.size, queries));
      }
      if (step.size) rmSync(outDir, { recursive: true, force: true });
    }
    atScale.sort((a, b) => a.errors - b.errors);
    builds.sort((a, b) => a.errors - b.errors || Number(a.label.includes('warm')) - Number(b.label.includes('warm')));

    const server = await serveStatic(dist);
    const targets = [
      { label: 'home', path: '/' },
      { label: 'category', path: largestPage((path) => categoryOf(path) !== undefined, dist) },
      { label: 'error', path: largestPage(isErrorPage, dist) },
    ];
    const browser = await launchChromium();
    let pages: PageFigure[];
    let figures: Omit<Figures, 'lighthouse' | 'exported' | 'minutes' | 'machine'>;
    const chromiumVersion = browser.version();
    try {
      log('first visits');
      pages = [];
      for (const t of targets) pages.push(await measurePage(browser, server.origin, `${t.label} page`, t.path));
      log('first search');
      const firstSearch = await measureFirstSearch(browser, server.origin, targets[2]!.path, FIRST_QUERY);
      log(`search latency over ${queries.length} queries`);
      const latency = [
        await measureLatency(browser, server.origin, queries, 'panel', targets[2]!.path),
        await measureLatency(browser, server.origin, queries, 'page'),
      ];
      log("triage: paste to plan (20 errors, 1 MB), and an error page's first visit");
      const triage = await measureTriage(browser, server.origin, targets[2]!.path, quick ? 1 : 5);
      log('search and triage on the query sets');
      const built = readBuilt(dist);
      const accuracy = QUERY_SETS.map((set) => {
        const { results: _, ...figure } = measureSet(set, built);
        return figure;
      });
      figures = {
        command: `npm run bench${quick ? ' -- --quick' : ''}`,
        builds,
        pages,
        firstSearch,
        latency,
        atScale,
        triage,
        accuracy,
      };
    } finally {
      await browser.close();
    }

    let exported: Figures['exported'];
    if (hasExport(project)) {
      log('offline export');
      exported = await measureExport(project, dist, join(work, 'export'));
    } else log('offline export: scripts/export.ts does not exist, not measured');

    const lh: LighthouseFigure[] = [];
    for (const t of targets) {
      log(`Lighthouse: ${t.path}, ${LIGHTHOUSE_RUNS} run(s)`);
      lh.push(
        await lighthouseMedian(
          server.origin,
          `${t.label} page`,
          t.path,
          (i) => join(work, `lighthouse-${t.label}-${i}.json`),
          LIGHTHOUSE_RUNS,
        ),
      );
    }
    await server.close();

    const all: Figures = {
      ...figures,
      exported,
      lighthouse: lh,
      minutes: (performance.now() - started) / 60_000,
      machine: thisMachine(chromiumVersion, loadStart),
    };
    const file = join(ROOT, 'BENCHMARKS.md');
    writeFileSync(file, renderMarkdown(all, existsSync(file) ? readFileSync(file, 'utf8') : undefined));
    console.log(tables(all));
    log(`wrote BENCHMARKS.md`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
