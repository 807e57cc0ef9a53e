/**
 * Build time. Cold: each run starts from a clean snapshot state (no output, no .astro, no
 * content-layer cache), as CI or a fresh checkout builds. Warm: the caches of the previous
 * build are kept, as when someone builds again. Wall time is the figure; CPU time is reported
 * beside it because it moves less when other work shares the machine.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuild, type BuildRun } from '../lib/project.ts';
import { writeSyntheticCatalog } from './synth.ts';

export interface BuildFigure {
  label: string;
  /** Error entries in the catalog. */
  errors: number;
  pages: number;
  runs: BuildRun[];
  /** Median wall seconds. */
  wall: number;
  cpu: number | undefined;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function clean(project: string, outDir: string): void {
  for (const dir of [
    outDir,
    join(project, '.astro'),
    join(project, 'node_modules', '.astro'),
    join(project, 'node_modules', '.vite'),
  ]) {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Builds `project` `runs` times into `outDir` (left in place after the last run) with the real
 * catalog, or with a synthetic one of `size` errors generated under `work`.
 */
export async function timeBuilds(
  project: string,
  outDir: string,
  options: { label: string; runs: number; size?: number; warm?: boolean; work: string; log: (s: string) => void },
): Promise<BuildFigure> {
  let contentDir: string | undefined;
  let errors: number;
  if (options.size) {
    const dir = join(options.work, `catalog-${options.size}`);
    errors = writeSyntheticCatalog(project, dir, options.size);
    contentDir = join(dir, 'content');
  } else {
    errors = readdirSync(join(project, 'content', 'errors')).filter((f) => f.endsWith('.mdx')).length;
  }
  const runs: BuildRun[] = [];
  for (let i = 0; i < options.runs; i++) {
    if (options.warm) rmSync(outDir, { recursive: true, force: true });
    else clean(project, outDir);
    const run = await astroBuild(project, outDir, contentDir ? { contentDir } : {});
    run.output = '';
    runs.push(run);
    options.log(`  ${options.label}: run ${i + 1}/${options.runs}: ${run.wall.toFixed(1)} s, ${run.pages} pages`);
  }
  const cpus = runs.map((r) => r.cpu);
  return {
    label: options.label,
    errors,
    pages: runs[0]!.pages,
    runs,
    wall: median(runs.map((r) => r.wall)),
    cpu: cpus.every((c) => c !== undefined) ? median(cpus as number[]) : undefined,
  };
}
