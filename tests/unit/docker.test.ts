/**
 * The Docker image builds the site itself (Dockerfile): a Node stage installs the locked
 * packages and builds, then lays the build out for nginx (scripts/docker-layout.ts), and the
 * nginx stage takes only that. The layout is checked here on real files; the stages are read
 * from the Dockerfile (no Docker daemon runs the tests).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dockerLayout, HOST_FILES } from '../../scripts/docker-layout.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function fakeBuild(dir: string): string {
  const dist = join(dir, 'dist');
  const files: Record<string, string> = {
    'index.html': '<h1>Home</h1>',
    'errors/item-duplicate/index.html': '<h1>Item</h1>',
    _headers: '/*\n  X-Frame-Options: DENY\n',
    _redirects: '/errors/old/ /errors/new/ 301\n',
    '_nginx.conf': 'server { root /usr/share/nginx/html; }\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  return dist;
}

for (const [site, base] of [
  ['https://help.example.com', ''],
  ['https://example.com/docs/', 'docs/'],
  ['https://example.com/help/center', 'help/center/'],
] as const) {
  test(`the image's layout for SITE_URL=${site}: the pages under "/${base}" in nginx's root, the host files out of it`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'docker-layout-'));
    try {
      const out = join(dir, 'out');
      const { root, conf } = dockerLayout(fakeBuild(dir), out, site);
      assert.equal(root, join(out, 'html', base).replace(/\/$/, ''));
      assert.equal(readFileSync(join(out, 'html', base, 'index.html'), 'utf8'), '<h1>Home</h1>');
      assert.ok(existsSync(join(out, 'html', base, 'errors/item-duplicate/index.html')));
      for (const f of HOST_FILES) assert.ok(!existsSync(join(root, f)), `${f} is not served`);
      assert.equal(readFileSync(conf, 'utf8'), 'server { root /usr/share/nginx/html; }\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('the Dockerfile builds the site in a Node stage and serves only its layout from nginx', () => {
  const stages = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .join('\n')
    .split(/^FROM /m)
    .slice(1);
  assert.equal(stages.length, 2);
  const [build, serve] = stages as [string, string];
  const nodeMajor = /^node:(\d+)/.exec(build)?.[1];
  const pinned = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
  ).devDependencies['node']!.split('.')[0];
  assert.equal(nodeMajor, pinned, "the build stage runs the Node the project pins (package.json's node)");
  assert.match(build, / AS build\n/);
  assert.match(build, /COPY package\.json package-lock\.json \.\/\nRUN npm ci\b/);
  assert.match(build, /RUN npm run build && node scripts\/docker-layout\.ts \/out/);
  assert.match(serve, /^nginx:/);
  assert.deepEqual(serve.match(/^COPY .*/gm), [
    'COPY --from=build /out/default.conf /etc/nginx/conf.d/default.conf',
    'COPY --from=build /out/html/ /usr/share/nginx/html/',
  ]);
  const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  for (const needed of ['src', 'content', 'package.json', '.git', 'scripts'])
    assert.ok(!ignored.includes(needed), `${needed} reaches the build`);
  assert.ok(ignored.includes('node_modules'), 'the image installs its own packages');
});
