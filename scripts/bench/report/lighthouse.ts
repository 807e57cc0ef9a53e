/** Lighthouse scores and what keeps them below 100. */
import type { Figures } from '../figures.ts';
import { ms, table } from './format.ts';

export function lighthouseSection(f: Figures): string {
  const parts: string[] = [];
  parts.push('## Lighthouse (mobile)\n');
  if (!f.lighthouse.length) parts.push('Not measured.');
  else {
    const first = f.lighthouse[0]!;
    const runs = first.performanceRuns.length;
    const perPage = runs === 1 ? 'one run per page' : `the median of ${runs} runs per page (by performance score)`;
    const indexes = f.lighthouse.map((x) => Math.round(x.benchmarkIndex)).join(', ');
    parts.push(
      `Lighthouse ${first.version}, default mobile settings (simulated slow 4G, 4x CPU slowdown), system Chromium; ${perPage}. Its CPU benchmark index for this machine in the reported runs: ${indexes} (Lighthouse's 4x slowdown is meant for a machine of about 1,000 or more; below that, blocking time is overstated).\n`,
    );
    parts.push(
      table(
        [
          'page',
          'path',
          'performance',
          'accessibility',
          'best practices',
          'SEO',
          'LCP',
          'TBT',
          'CLS',
          'performance, every run',
        ],
        f.lighthouse.map((x) => [
          x.label,
          `\`${x.path}\``,
          x.scores.performance,
          x.scores.accessibility,
          x.scores['best-practices'],
          x.scores.seo,
          ms(x.lcpMs),
          ms(x.tbtMs),
          x.cls.toFixed(3),
          x.performanceRuns.join(', '),
        ]),
      ),
    );
    parts.push(
      '\n### Scored audits that do not fully pass (what keeps a score below 100, or would with a little more)\n',
    );
    const lines: string[] = [];
    for (const x of f.lighthouse) {
      if (!x.findings.length) {
        lines.push(`- ${x.label}: nothing; every scored audit passes.`);
        continue;
      }
      for (const finding of x.findings) {
        const items = finding.items.length ? ` (${finding.items.map((i) => `\`${i}\``).join(', ')})` : '';
        const display = finding.display ? `: ${finding.display}` : '';
        const score = `score ${finding.score.toFixed(2)}, weight ${finding.weight}`;
        lines.push(`- ${x.label}, ${finding.category}: ${finding.title}${display}, ${score}${items}`);
      }
    }
    for (const w of new Set(f.lighthouse.flatMap((x) => x.warnings)))
      lines.push(`- Lighthouse warned: ${w.replace(/\s+/g, ' ')}`);
    parts.push(lines.join('\n'));
  }
  return parts.join('\n');
}
