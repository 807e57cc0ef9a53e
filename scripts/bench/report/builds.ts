/** Build times, real and synthetic catalogs. */
import type { Figures } from '../figures.ts';
import { ms, s, table } from './format.ts';

export function buildsSection(f: Figures): string {
  const parts: string[] = [];
  parts.push('## Build time\n');
  parts.push(
    'Cold builds (no output, cache or .astro state) unless marked warm (the content-layer cache of the previous build kept), one after the other in a snapshot of the project. Synthetic catalogs are the real entries cloned with new codes, titles, aliases and text (scripts/bench/synth.ts).\n',
  );
  parts.push(
    table(
      [
        'catalog',
        'error pages',
        'pages',
        'runs',
        'median wall',
        'per page',
        'median CPU',
        'CPU per page',
        'every run (wall)',
        'load average after each run',
      ],
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

  return parts.join('\n');
}
