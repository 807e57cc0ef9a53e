/**
 * Builds of the site that cannot disturb, or be disturbed by, any other build of the same
 * checkout. Astro keeps per-build state under the project root whatever --outDir and cacheDir
 * say: `.astro/content-modules.mjs` (the list of content modules) and, when the output folder is
 * outside the project, `.astro/.prerender/` (the pages' server chunks). Two builds of one root at
 * once read each other's files and fail with "Cannot find module …/.prerender/chunks/…" or build
 * the other one's catalog. So each build here runs in a snapshot of the project: a copy of its
 * files (without node_modules, outputs and git) with its packages linked back.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Not part of a snapshot: dependencies, outputs, caches and version control. */
const SKIP = new Set(['node_modules', 'dist', 'export', 'tmp', '.git', '.astro', 'test-results', 'playwright-report']);

/** Copies the project at `root` to `dir` (created) and links its node_modules; returns `dir`. */
export function snapshotProject(dir: string, root = ROOT): string {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(root)) {
    if (SKIP.has(name)) continue;
    cpSync(join(root, name), join(dir, name), { recursive: true });
  }
  // Each package is linked, not node_modules itself: Astro's and Vite's caches default to
  // node_modules/.astro and node_modules/.vite, and those must be the snapshot's own.
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
  return dir;
}

export interface BuildRun {
  /** Wall-clock seconds. */
  wall: number;
  /** CPU seconds (user + system) of the build and its children; undefined off Linux. */
  cpu: number | undefined;
  /** HTML pages written. */
  pages: number;
  /** The machine's one-minute load average when the build ended (other work slows builds down). */
  load: number;
  output: string;
}

/** CPU seconds used so far by this process's finished children (Linux: /proc/self/stat). */
function childrenCpu(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are fields 16 and 17 of the whole line (13 and 14 here), in clock ticks.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

export function countPages(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) n++;
  }
  return n;
}

/**
 * `astro build` of the project at `project` into `outDir` (which should be inside `project`, see
 * above), with the catalog at `contentDir` when given. Fails with the build's output.
 */
export function astroBuild(
  project: string,
  outDir: string,
  options: { contentDir?: string; timeoutMs?: number } = {},
): Promise<BuildRun> {
  const astro = join(project, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' };
  delete env['ASTRO_CACHE_DIR'];
  delete env['CONTENT_DIR'];
  if (options.contentDir) env['CONTENT_DIR'] = options.contentDir;
  const cpuBefore = childrenCpu();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', relative(project, outDir) || '.'], {
      cwd: project,
      env,
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 900_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wall = (performance.now() - started) / 1000;
      const cpuAfter = childrenCpu();
      if (code !== 0) {
        reject(new Error(`astro build in ${project} failed (exit ${code}):\n${output.slice(-3000)}`));
        return;
      }
      const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
      resolve({ wall, cpu, pages: countPages(outDir), load: loadavg()[0]!, output });
    });
  });
}
