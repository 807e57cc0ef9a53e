/**
 * The offline export (`npm run export`, scripts/export.ts), run on the bench's build in its
 * snapshot: the wall time of the whole command, and the sizes of what it writes. The export
 * prints its own figures as a JSON line (`{"export": …}`); they are used when present, and the
 * files it wrote are listed in any case. Nothing is measured while scripts/export.ts does not
 * exist.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface ExportFigure {
  /** Wall time of `node scripts/export.ts`. */
  seconds: number;
  files: { path: string; bytes: number }[];
  /** What the export reports of itself (pages in the offline copy, PDF pages, …), if it does. */
  own: Record<string, unknown> | undefined;
}

export function hasExport(project: string): boolean {
  return existsSync(join(project, 'scripts', 'export.ts'));
}

export async function measureExport(project: string, dist: string, out: string): Promise<ExportFigure> {
  const started = performance.now();
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [join(project, 'scripts', 'export.ts'), '--dist', dist, '--out', out], {
      cwd: project,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`npm run export failed (exit ${code}):\n${text.slice(-2000)}`)),
    );
  });
  const seconds = (performance.now() - started) / 1000;
  let own: Record<string, unknown> | undefined;
  for (const line of output.trim().split('\n').reverse()) {
    try {
      const parsed = JSON.parse(line) as { export?: Record<string, unknown> };
      if (parsed.export) {
        own = parsed.export;
        break;
      }
    } catch {
      // Not the JSON line.
    }
  }
  const files = existsSync(out)
    ? readdirSync(out, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile())
        .map((e) => {
          const abs = join(e.parentPath, e.name);
          return { path: relative(out, abs), bytes: statSync(abs).size };
        })
        .sort((a, b) => a.path.localeCompare(b.path))
    : [];
  return { seconds, files, own };
}
