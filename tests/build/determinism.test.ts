/**
 * The build is deterministic: the same sources give the same site, byte for byte. Two
 * snapshots of the project at two different paths (each with its own output folder, cache and
 * .astro state, see scripts/lib/project.ts) are built one after the other, and every file of
 * the two outputs is compared. A difference fails the test with the files that differ and
 * where, so the cause (a date, a random id, an absolute path, an unstable order) can be found.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { astroBuild, snapshotProject } from '../../scripts/lib/project.ts';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** A few characters around the first byte at which `a` and `b` differ. */
function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, i - 40), i + 40).toString('utf8'));
  return `at byte ${i} (sizes ${a.length} and ${b.length}):\n      ${show(a)}\n      ${show(b)}`;
}

test(
  'two builds of the same sources are identical, file for file and byte for byte',
  { timeout: 600_000 },
  async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hc-determinism-'));
    try {
      const outputs: string[] = [];
      for (const name of ['first', 'second']) {
        const project = snapshotProject(join(tmp, name));
        const out = join(project, 'dist');
        await astroBuild(project, out);
        outputs.push(out);
      }
      const [a, b] = outputs as [string, string];
      const inA = files(a);
      const inB = files(b);
      assert.ok(inA.length > 0, 'the first build wrote no files');
      const problems: string[] = [];
      const setB = new Set(inB);
      for (const f of inA) if (!setB.has(f)) problems.push(`${f}: only in the first build`);
      const setA = new Set(inA);
      for (const f of inB) if (!setA.has(f)) problems.push(`${f}: only in the second build`);
      for (const f of inA) {
        if (!setB.has(f)) continue;
        const x = readFileSync(join(a, f));
        const y = readFileSync(join(b, f));
        if (!x.equals(y)) problems.push(`${f} differs ${firstDifference(x, y)}`);
      }
      assert.deepEqual(
        problems,
        [],
        `${problems.length} of ${inA.length} output files differ between two builds:\n  ${problems.slice(0, 20).join('\n  ')}`,
      );
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
);
