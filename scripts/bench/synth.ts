/**
 * A synthetic catalog of any size for the build benchmark: a copy of content/ (categories, the
 * real errors, published-codes.txt) plus clones of the real errors until there are `size` in
 * all. A clone is a real entry with a new code (`<code>-s<n>`), its own title, aliases and a
 * paragraph of varied words (so the search index grows as a real catalog's would), and its
 * dependsOn/related pointing at clones of the same round, so the graph stays valid and acyclic
 * whatever the real one is; its title stays short enough for the reply's length limit. Cloning
 * real entries keeps the clones valid under the schema as it evolves, which a hand-written
 * template would not. Deterministic: the same size gives the same files.
 */
import { cpSync, existsSync, appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { replyLengthProblem, type ReplySource } from '../../src/lib/build/replies.ts';

const WORDS = (
  'account address amount archive balance batch billing branch bundle card cash category charge check class ' +
  'client company contact credit currency customer date deposit discount document draft email employee estimate ' +
  'export field file filter invoice item job journal label ledger limit line list location mapping memo method ' +
  'number office order owner payment period phone price product profile quantity receipt record refund report ' +
  'sales schedule service setting shipping status subtotal supplier tax technician template terms total transfer ' +
  'unit user vendor warehouse'
).split(' ');

/** A small seeded generator (mulberry32): the same catalog on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes `<dir>/content/` with `size` errors (at least the real ones) and returns the number of
 * error entries written.
 */
export function writeSyntheticCatalog(root: string, dir: string, size: number): number {
  const source = join(root, 'content');
  const target = join(dir, 'content');
  cpSync(source, target, { recursive: true });
  const files = readdirSync(join(source, 'errors'))
    .filter((f) => f.endsWith('.mdx'))
    .sort();
  const real = files.map((f) => ({
    id: f.slice(0, -4),
    ...splitFrontmatter(readFileSync(join(source, 'errors', f), 'utf8'), f),
  }));
  const next = random(size);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)]!;
  const phrase = (n: number) => Array.from({ length: n }, pick).join(' ');
  const codes: string[] = [];
  let count = real.length;
  for (let round = 1; count < size; round++) {
    const cloneId = (id: string) => `${id}-s${round}`;
    // The last round may clone only some entries: links to the others are left out.
    const members = new Set(real.slice(0, size - count).map((e) => e.id));
    const ids = (v: unknown) =>
      Array.isArray(v)
        ? v
            .map(String)
            .filter((x) => members.has(x))
            .map(cloneId)
        : v;
    for (const entry of real) {
      if (!members.has(entry.id)) continue;
      const code = cloneId(entry.id);
      const title = String(entry.data['title']);
      const data: Record<string, unknown> = {
        ...entry.data,
        code,
        title: `${title} (${phrase(2)} ${round})`,
        aliases: [phrase(3), phrase(4)],
        common: false,
      };
      // The reply support copies names the title and has a length limit (src/lib/build/replies.ts)
      // that the longest real replies come close to: a clone whose longer title would break it
      // gets the round number alone, or its entry's title.
      const fits = () => replyLengthProblem({ ...data, body: entry.body } as unknown as ReplySource) === undefined;
      if (!fits()) data['title'] = `${title} (${round})`;
      if (!fits()) data['title'] = title;
      if ('formerCodes' in data) data['formerCodes'] = [];
      if ('dependsOn' in data) data['dependsOn'] = ids(data['dependsOn']);
      if ('related' in data) data['related'] = ids(data['related']);
      // A paragraph of its own, after the first heading's text, so no two pages index alike.
      const body = entry.body.replace(
        /(## What it means\r?\n\r?\n)/,
        `$1This ${phrase(2)} case concerns ${phrase(12)}.\n\n`,
      );
      writeFileSync(join(target, 'errors', `${code}.mdx`), `---\n${stringify(data, { lineWidth: 0 })}---\n${body}`);
      codes.push(code);
      count++;
    }
  }
  // Every code the build sees must be a published one (the build checks published-codes.txt).
  const published = join(target, 'published-codes.txt');
  if (existsSync(published) && codes.length) appendFileSync(published, `${codes.join('\n')}\n`);
  return count;
}
