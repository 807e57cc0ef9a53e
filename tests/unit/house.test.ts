/**
 * The house rules a refactor must not undo: code split by where it runs (src/lib/shared runs in
 * the browser too; src/lib/build and src/lib/content at build; scripts/ in Node tools only), no
 * import circle, one import style, file headers that name what exists, one definition each of
 * the helpers tools and tests share (scripts/lib), and tests that do not reach into the benchmark.
 */
import { test } from 'node:test';
import ts from 'typescript';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const CODE = /\.(ts|mts|mjs|js|astro)$/;

/** The project's own code files under `dirs`, relative with forward slashes. */
function codeFiles(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && CODE.test(e.name))
      .map((e) => relative(ROOT, join(e.parentPath, e.name)).split(sep).join('/')),
  );
}
const ALL = [...codeFiles('src', 'scripts', 'tests', 'integrations'), 'playwright.config.ts', 'astro.config.mjs'];
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const filesWith = (pattern: RegExp) => ALL.filter((file) => pattern.test(read(file))).sort();

test('tests do not import from the benchmark', () => {
  const offenders = codeFiles('tests').filter((file) => /from\s+['"][^'"]*scripts\/bench/.test(read(file)));
  assert.deepEqual(offenders, []);
});

test('one Chromium launcher: only scripts/lib/chromium.ts launches it or names its path', () => {
  assert.deepEqual(filesWith(/chromium\.launch\(|\/usr\/bin\/chromium/), ['scripts/lib/chromium.ts']);
});

test('one query-set loader: only scripts/lib/queries.ts reads tests/search-queries.json', () => {
  assert.deepEqual(filesWith(/['"]search-queries\.json['"]/), ['scripts/lib/queries.ts']);
  assert.deepEqual(filesWith(/interface Query\s*\{/), ['scripts/lib/queries.ts']);
});

test('one dist helper: only scripts/lib/dist.ts walks the built site for its pages', () => {
  assert.deepEqual(filesWith(/process\.env\[['"]DIST_DIR['"]\]/), ['scripts/lib/dist.ts']);
  assert.deepEqual(filesWith(/export (const|function) (sitePages|builtPages)\b/), ['scripts/lib/dist.ts']);
  // The walk itself is the build's (its hooks run it too); the tools' helper adds dist/ as the default.
  assert.deepEqual(filesWith(/export (const|function) (builtFiles|htmlFiles)\b/), [
    'scripts/lib/dist.ts',
    'src/lib/build/builtFiles.ts',
  ]);
});

test('one table of content types for the servers and the export', () => {
  assert.deepEqual(filesWith(/['"]application\/wasm['"]/), ['scripts/lib/contentTypes.ts']);
});

/** What a file imports: each specifier, and for a relative one the file it names (or undefined). */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\1/g;
function importsOf(file: string): { spec: string; target: string | undefined }[] {
  return [...read(file).matchAll(IMPORT)].map((m) => {
    const spec = m[2]!.split('?')[0]!;
    if (!spec.startsWith('.')) return { spec, target: undefined };
    const base = normalize(join(dirname(file), spec))
      .split(sep)
      .join('/');
    const target = ['', '.ts', '.mjs', '.astro', '/index.ts']
      .map((e) => base + e)
      .find((c) => existsSync(join(ROOT, c)) && statSync(join(ROOT, c)).isFile());
    return { spec, target: target ?? base };
  });
}
const SOURCE = ALL.filter((f) => !f.startsWith('tests/'));
const SHARED = 'src/lib/shared/';

test('the house is split by where code runs: src/lib/shared, build, content; the export under scripts', () => {
  const folders = readdirSync(join(ROOT, 'src/lib'), { withFileTypes: true });
  assert.deepEqual(
    folders
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort(),
    ['build', 'content', 'shared'],
  );
  assert.deepEqual(
    folders.filter((d) => d.isFile()).map((d) => d.name),
    [],
    'every file of src/lib is in the folder of where it runs',
  );
});

test('browser-safe code (src/lib/shared) imports no node:, no astro: and nothing of the build', () => {
  const offenders = SOURCE.filter((f) => f.startsWith(SHARED)).flatMap((file) =>
    importsOf(file)
      .filter(
        ({ spec, target }) =>
          /^(node:|astro:|astro$|astro\/)/.test(spec) || (target !== undefined && !target.startsWith(SHARED)),
      )
      .map(({ spec }) => `${file}: ${spec}`),
  );
  assert.deepEqual(offenders, []);
  assert.ok(
    SOURCE.some((f) => f.startsWith(SHARED)),
    'the folder has files',
  );
});

test('browser code (src/client) imports only browser code and src/lib/shared', () => {
  const offenders = SOURCE.filter((f) => f.startsWith('src/client/')).flatMap((file) =>
    importsOf(file)
      .filter(
        ({ spec, target }) =>
          /^(node:|astro:|astro$|astro\/)/.test(spec) ||
          (target !== undefined && !target.startsWith(SHARED) && !target.startsWith('src/client/')),
      )
      .map(({ spec }) => `${file}: ${spec}`),
  );
  assert.deepEqual(offenders, []);
});

test('the build imports nothing from scripts/ (the tools may use the build, never the other way)', () => {
  const build = SOURCE.filter((f) => f.startsWith('src/') || f.startsWith('integrations/') || f === 'astro.config.mjs');
  const offenders = build.flatMap((file) =>
    importsOf(file)
      .filter(({ target }) => target?.startsWith('scripts/'))
      .map(({ spec }) => `${file}: ${spec}`),
  );
  assert.deepEqual(offenders, []);
});

test("no import circle among the project's files", () => {
  const graph = new Map(
    SOURCE.map((f) => [f, importsOf(f).flatMap(({ target }) => (target && SOURCE.includes(target) ? [target] : []))]),
  );
  const state = new Map<string, 'open' | 'done'>();
  const circles: string[] = [];
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') return void circles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) visit(file, []);
  assert.deepEqual(circles, []);
});

test('one import style: a relative import of a TypeScript file names it with .ts', () => {
  const offenders = ALL.flatMap((file) =>
    importsOf(file)
      .filter(({ spec, target }) => target !== undefined && target.endsWith('.ts') && !spec.endsWith('.ts'))
      .map(({ spec }) => `${file}: ${spec}`),
  );
  assert.deepEqual(offenders, []);
});

/** A file's header: its first doc comment, before any code (an .astro file's inside its frontmatter). */
const headerOf = (text: string) => /^(?:---\s*\n)?\s*\/\*\*([\s\S]*?)\*\//.exec(text)?.[1] ?? '';
const withoutComments = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
/**
 * Names a header may give that are not the project's: languages, and what QuickBooks and others call things (in the
 * content and the real inputs).
 */
const NOT_CODE = new Set(['TypeScript', 'JavaScript']);
function dataFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(mdx|ya?ml|json|txt|xml)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split(sep).join('/'));
}

test('file headers name only what exists: files, and the functions, types and constants they mention', () => {
  const code = SOURCE.map((f) => withoutComments(read(f))).join('\n');
  const words = new Set(
    [code, ...['content', 'tests/fixtures', 'tests/real-queries'].flatMap(dataFiles).map(read)]
      .join('\n')
      .match(/[\w$]+/g),
  );
  const stale = SOURCE.flatMap((file) => {
    const header = headerOf(read(file)).replace(/https?:\/\/\S+/g, '');
    const paths = [
      ...header.matchAll(/\b((?:src|scripts|integrations|tests|content|public)\/[\w./[\]-]*[\w\]/])/g),
    ].map((m) => m[1]!);
    const names = [
      ...[...header.matchAll(/([A-Za-z_$][\w$]*)\(\)/g)].map((m) => m[1]!),
      ...[...header.matchAll(/`(?:[A-Za-z_$][\w$]*\.)*([A-Za-z_$][\w$]*)(?:\(\))?`/g)].map((m) => m[1]!),
      // camelCase, PascalCase with an inner capital, and CONSTANT_CASE words read as code.
      ...[...header.matchAll(/(?<![\w/.-])([A-Za-z_$][\w$]*)(?![\w/-])/g)]
        .map((m) => m[1]!)
        .filter((w) => /[a-z][A-Z]/.test(w) || /^[A-Z][A-Z\d]*_[A-Z\d_]+$/.test(w)),
    ];
    return [
      ...paths.filter((p) => !existsSync(join(ROOT, p))).map((p) => `${file}: names ${p}, which does not exist`),
      ...[...new Set(names)]
        .filter((n) => !NOT_CODE.has(n) && !words.has(n))
        .map((n) => `${file}: names ${n}, which nothing defines`),
    ];
  });
  assert.deepEqual(stale, []);
});

test("one frontmatter reader for the tools and the tests (scripts/lib/frontmatter.ts); the build uses Astro's", () => {
  // (This file reads the headers of .astro files, whose frontmatter is code, not an error's.)
  const readers = filesWith(/\/\^---\\/).filter((f) => f !== 'tests/unit/house.test.ts');
  assert.deepEqual(readers, ['scripts/lib/frontmatter.ts']);
});

test('the loaders hand their problems to the pages through one module, src/lib/content/problems.ts', () => {
  assert.deepEqual(filesWith(/Symbol\.for\(/), ['src/lib/content/problems.ts']);
});

test('one default site address (DEFAULT_SITE_URL in src/lib/shared/base.ts) for the site, its hooks and the tools', () => {
  const inCode = filesWith(/['"`]https:\/\/help\.example\.com/).filter((file) => !file.startsWith('tests/'));
  assert.deepEqual(inCode, ['src/lib/shared/base.ts']);
  // The image's build argument has no default of its own: unset, the build takes this one.
  assert.doesNotMatch(read('Dockerfile'), /help\.example\.com/);
});

test('one HTML escape for search (src/lib/shared/search/markup.ts)', () => {
  assert.deepEqual(filesWith(/(?:const|function) escapeHtml\b/), ['src/lib/shared/search/markup.ts']);
});

/**
 * The characters of `code` inside string, template and regular expression literals: text and
 * patterns, which a formatter does not break (ESLint's max-len leaves them out the same way).
 */
function literalSpans(code: string): boolean[] {
  const inside = Array.from({ length: code.length }, () => false);
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, code);
  const mark = () => inside.fill(true, scanner.getTokenStart(), scanner.getTokenEnd());
  const braces: ('code' | 'template')[] = [];
  const K = ts.SyntaxKind;
  const VALUE_ENDS: ts.SyntaxKind[] = [
    K.Identifier,
    K.NumericLiteral,
    K.CloseParenToken,
    K.CloseBracketToken,
    K.StringLiteral,
  ];
  const LITERALS: ts.SyntaxKind[] = [
    K.StringLiteral,
    K.NoSubstitutionTemplateLiteral,
    K.TemplateHead,
    K.TemplateMiddle,
    K.TemplateTail,
  ];
  let previous = ts.SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) {
      // A slash where a value may start is a regular expression.
      if (!VALUE_ENDS.includes(previous)) kind = scanner.reScanSlashToken();
    }
    if (kind === ts.SyntaxKind.OpenBraceToken) braces.push('code');
    if (kind === ts.SyntaxKind.TemplateHead) braces.push('template');
    if (kind === ts.SyntaxKind.CloseBraceToken && braces.pop() === 'template')
      kind = scanner.reScanTemplateToken(false);
    if (kind === ts.SyntaxKind.TemplateMiddle) braces.push('template');
    if (LITERALS.includes(kind) || kind === K.RegularExpressionLiteral) mark();
    previous = kind;
  }
  return inside;
}

/** The script parts of a file: all of a .ts or .mjs file; an .astro file's frontmatter and <script> bodies. */
function scriptRanges(file: string, text: string): [number, number][] {
  if (!file.endsWith('.astro')) return [[0, text.length]];
  const ranges: [number, number][] = [];
  const front = /^---\n([\s\S]*?)\n---/.exec(text);
  if (front) ranges.push([4, 4 + front[1]!.length]);
  for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g))
    ranges.push([m.index + m[0].indexOf('>') + 1, m.index + m[0].length - 9]);
  return ranges;
}

test('no code line over 120 characters, leaving out text and patterns (literals), addresses, markup and data', () => {
  const long = ALL.filter(
    (f) => !f.startsWith('tests/fixtures/') && f !== 'src/components/FeedbackQueue.astro',
  ).flatMap((file) => {
    const text = read(file);
    const inside = Array.from({ length: text.length }, () => false);
    const ranges = scriptRanges(file, text);
    for (const [start, end] of ranges) literalSpans(text.slice(start, end)).forEach((v, i) => (inside[start + i] = v));
    let offset = 0;
    return text.split('\n').flatMap((line, i) => {
      const at = offset;
      offset += line.length + 1;
      // An .astro file's markup is Prettier's to wrap: its text is the page's prose.
      if (line.length <= 120 || !ranges.some(([start, end]) => at >= start && at < end)) return [];
      const counted = [...line]
        .filter((_, j) => !inside[at + j])
        .join('')
        .replace(/https?:\/\/\S+/g, '');
      return counted.length > 120 ? [`${file}:${i + 1}: ${counted.length} characters`] : [];
    });
  });
  assert.deepEqual(long, []);
});
