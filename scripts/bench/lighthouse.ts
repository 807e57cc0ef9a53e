/**
 * Lighthouse (the npm package, pinned in package.json) in its default mobile configuration
 * (simulated slow 4G and 4x CPU slowdown) with the system Chromium, one page at a time. For
 * each page: the four category scores, LCP, TBT, CLS, and every scored audit that did not
 * pass, so a score below 100 comes with its reasons, and the culprits Lighthouse names.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumOptions } from '../lib/chromium.ts';
import { ROOT } from '../lib/project.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface Finding {
  category: string;
  id: string;
  title: string;
  score: number;
  /** The audit's weight in its category (0 for audits that only inform). */
  weight: number;
  display: string;
  /** Elements or URLs the audit names, a few. */
  items: string[];
}

export interface LighthouseFigure {
  label: string;
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  findings: Finding[];
  version: string;
  /** Lighthouse's measure of this machine's CPU speed (a typical desktop is above 1000). */
  benchmarkIndex: number;
  warnings: string[];
  /** The performance scores of all runs of this page, when it was run more than once. */
  performanceRuns: number[];
}

interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
  details?: Details;
}

interface Details {
  type?: string;
  items?: (Record<string, unknown> & Details)[];
}

/** The rows of an audit's details; a "list" holds tables, whose rows are flattened. */
const rows = (d: Details | undefined): Record<string, unknown>[] =>
  (d?.items ?? []).flatMap((item) => (d?.type === 'list' && item.items ? rows(item) : [item]));

interface Report {
  lighthouseVersion: string;
  environment: { benchmarkIndex: number };
  runWarnings: string[];
  categories: Record<string, { score: number; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
}

/** The diagnostic that names the culprits of a metric (the metric audits name none). */
const EXPLAINED_BY: Record<string, string> = {
  'cumulative-layout-shift': 'layout-shifts',
  'total-blocking-time': 'long-tasks',
  'largest-contentful-paint': 'lcp-breakdown-insight',
  'first-contentful-paint': 'render-blocking-insight',
};

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

function describe(item: Record<string, unknown>): string | undefined {
  const node = item['node'] as { selector?: string; snippet?: string } | undefined;
  if (node?.selector) return node.selector;
  if (typeof item['url'] === 'string')
    return typeof item['duration'] === 'number' ? `${item['url']} ${Math.round(item['duration'])} ms` : item['url'];
  return undefined;
}

function run(url: string, outputPath: string): Promise<void> {
  const cli = join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');
  const args = [
    cli,
    url,
    '--output=json',
    `--output-path=${outputPath}`,
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    '--quiet',
    `--only-categories=${CATEGORIES.join(',')}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: {
        ...process.env,
        CHROME_PATH: process.env['CHROME_PATH'] ?? chromiumOptions().executablePath ?? chromium.executablePath(),
      },
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`lighthouse ${url} failed (exit ${code}):\n${err.slice(-2000)}`)),
    );
  });
}

export async function lighthouse(
  origin: string,
  label: string,
  path: string,
  outputPath: string,
): Promise<LighthouseFigure> {
  await run(new URL(path, origin).href, outputPath);
  const report = JSON.parse(readFileSync(outputPath, 'utf8')) as Report;
  const findings: Finding[] = [];
  for (const category of CATEGORIES) {
    for (const ref of report.categories[category]!.auditRefs) {
      const audit = report.audits[ref.id]!;
      // Only audits that count: insights and diagnostics (weight 0) explain, they do not score.
      if (ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      if (['informative', 'notApplicable', 'manual'].includes(audit.scoreDisplayMode)) continue;
      const explainedBy = report.audits[EXPLAINED_BY[audit.id] ?? audit.id];
      findings.push({
        category,
        id: audit.id,
        title: audit.title,
        score: audit.score,
        weight: ref.weight,
        display: audit.displayValue ?? '',
        items: rows(explainedBy?.details)
          .map(describe)
          .filter((x): x is string => !!x)
          .slice(0, 3),
      });
    }
  }
  findings.sort((a, b) => b.weight - a.weight);
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round(report.categories[c]!.score * 100)]),
  ) as LighthouseFigure['scores'];
  const metric = (id: string) => report.audits[id]?.numericValue ?? NaN;
  return {
    label,
    path,
    scores,
    lcpMs: metric('largest-contentful-paint'),
    tbtMs: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    findings,
    version: report.lighthouseVersion,
    benchmarkIndex: report.environment.benchmarkIndex,
    warnings: report.runWarnings,
    performanceRuns: [scores.performance],
  };
}

/**
 * `runs` runs of one page; the figures of the median run by performance score (Lighthouse's own
 * advice against its run-to-run variance), with every run's performance score beside them.
 */
export async function lighthouseMedian(
  origin: string,
  label: string,
  path: string,
  outputPath: (run: number) => string,
  runs: number,
): Promise<LighthouseFigure> {
  const all: LighthouseFigure[] = [];
  for (let i = 0; i < runs; i++) all.push(await lighthouse(origin, label, path, outputPath(i)));
  const sorted = [...all].sort((a, b) => a.scores.performance - b.scores.performance || b.tbtMs - a.tbtMs);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, performanceRuns: all.map((x) => x.scores.performance) };
}
