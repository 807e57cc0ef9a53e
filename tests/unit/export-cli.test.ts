/**
 * What the person running the export reads when it stops: a sentence naming what broke, and
 * no stack trace. Runs the real export script on a small built site with a broken link.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const script = join(import.meta.dirname, '..', '..', 'scripts', 'export.ts');

test('a broken link stops the export with a sentence naming the page and the link, and no stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hc-export-'));
  try {
    const dist = join(dir, 'dist');
    const page = (path: string, body: string) => {
      mkdirSync(join(dist, path, '..'), { recursive: true });
      writeFileSync(
        join(dist, path),
        `<!doctype html><html lang="en"><head><title>x</title></head><body>${body}</body></html>`,
      );
    };
    page('index.html', '<a href="/errors/item-duplicate/">Item</a> <a href="/errors/gone/#how-to-fix">Gone</a>');
    page('errors/item-duplicate/index.html', '<a href="/">Home</a>');
    page('print/index.html', '<h1>Print</h1>');
    mkdirSync(join(dist, 'pagefind', 'fragment'), { recursive: true });
    writeFileSync(join(dist, 'search-data.json'), '[]');
    const out = join(dir, 'export');
    const run = spawnSync(process.execPath, [script, '--dist', dist, '--out', out], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    assert.equal(run.status, 1, output);
    assert.match(run.stderr, /^export: the offline copy would have 1 broken link, so nothing was written/m);
    assert.match(
      run.stderr,
      /^  index\.html: errors\/gone\/index\.html#how-to-fix points at errors\/gone\/index\.html, which the offline copy lacks$/m,
    );
    assert.doesNotMatch(output, /^\s+at /m, 'a stack trace was printed');
    assert.equal(existsSync(out), false, 'the export wrote files although it stopped');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
