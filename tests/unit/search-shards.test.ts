import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadQueries } from '../../scripts/lib/queries.ts';
import { normalizeQuery } from '../../src/lib/search/normalize.ts';
import { rankKnown } from '../../src/lib/search/rank.ts';
import { bigramShard, ShardedIndex, shardName, SMALL_CATALOG, splitData, splitFiles } from '../../src/lib/search/shards.ts';
import type { SearchDoc } from '../../src/lib/search/types.ts';

/** The real catalog as the search data has it (frontmatter only, as src/lib/searchDocs.ts). */
function realDocs(): SearchDoc[] {
  const dir = join(import.meta.dirname, '..', '..', 'content', 'errors');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const fm = parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, f), 'utf8'))![1]!) as Record<string, unknown>;
      const faults = ((fm['quickbooks'] as SearchDoc['faults'] | undefined) ?? []).map(({ code, name, message }) => ({ code, name, message }));
      return {
        code: String(fm['code']),
        title: String(fm['title']),
        summary: String(fm['summary']),
        categories: (fm['categories'] as string[] | undefined) ?? [],
        fixWhere: String(fm['fixWhere']),
        faults,
        aliases: (fm['aliases'] as string[] | undefined) ?? [],
      };
    });
}

/** A shard-backed index over the split files of `docs`, recording the files it reads. */
function sharded(docs: readonly SearchDoc[]): { index: ShardedIndex; read: string[]; files: Map<string, string> } {
  const files = splitFiles(splitData(docs));
  const read: string[] = [];
  const index = new ShardedIndex(JSON.parse(files.get('manifest.json')!), async (file) => {
    read.push(file);
    const text = files.get(file);
    if (text === undefined) throw new Error(`no ${file}`);
    return JSON.parse(text);
  });
  return { index, read, files };
}

/** The ranking of the shard-backed index, by error code. */
async function rankSharded(index: ShardedIndex, raw: string) {
  const q = normalizeQuery(raw, index.faultCodes);
  const out = [];
  for (const r of await index.rank(q)) out.push({ ...r, code: (await index.doc(r.code))!.code });
  return out;
}

const docs = realDocs();

test('on the real catalog, the shard-backed ranker ranks every query of the query set as the whole data does', async () => {
  const { index } = sharded(docs);
  const queries = loadQueries();
  assert.ok(queries.length > 100);
  for (const { query } of queries) {
    const whole = rankKnown(query, docs);
    const split = await rankSharded(index, query);
    assert.deepEqual(
      split.map((r) => r.code),
      whole.map((r) => r.code),
      query,
    );
    split.forEach((r, i) => {
      assert.ok(Math.abs(r.score - whole[i]!.score) < 0.01, `${query}: ${r.code} ${r.score} vs ${whole[i]!.score}`);
      assert.deepEqual(r.reasons, whole[i]!.reasons, `${query}: ${r.code}`);
    });
  }
});

test('a search reads the manifest, the shards of its words and the display data of the hits it shows, not the whole data', async () => {
  const { index, read, files } = sharded(docs);
  const q = normalizeQuery('closed period', index.faultCodes);
  const ranked = await index.rank(q);
  // Its words' shards, and the shard of the pairs of words in a row starting with "closed" (a pasted message).
  assert.deepEqual(read.sort(), [`s${shardName('c')}.json`, `s${shardName('p')}.json`, `s${shardName(bigramShard('closed', 1))}.json`].sort());
  assert.equal((await index.doc(ranked[0]!.code))!.code, 'invoice-closed-period');
  assert.equal(read.filter((f) => f.startsWith('d')).length, 1);
  const shards = [...files.keys()].filter((f) => f.startsWith('s'));
  assert.ok(shards.length > 5, `${shards.length} shards`);
  // A fault code reads its own shard.
  read.length = 0;
  const byFault = await index.rank(normalizeQuery('6240', index.faultCodes));
  assert.ok(byFault.length > 0);
  assert.deepEqual(read, [`s${shardName('6')}.json`]);
});

test('from SMALL_CATALOG pages, shards are keyed by two characters', () => {
  const many = Array.from({ length: SMALL_CATALOG }, (_, i) => ({ ...docs[i % docs.length]!, code: `${docs[i % docs.length]!.code}-${i}` }));
  const { manifest, shards } = splitData(many);
  assert.equal(manifest.prefix, 2);
  assert.ok([...shards.keys()].every((k) => [...k.replace(/^~/, '')].length <= 2));
  assert.ok(shards.has('in') && shards.has('~in'));
  assert.equal(splitData(docs).manifest.prefix, 1);
});

test('any word is a key: "constructor", "__proto__", "toString" and non-Latin words find only their own pages', async () => {
  const odd: SearchDoc[] = [
    { code: 'proto', title: 'constructor prototype toString', summary: 'hasOwnProperty valueOf', categories: ['x'], fixWhere: 'y', faults: [], aliases: ['éclair ünïcode 東京'] },
    { code: 'plain', title: 'an invoice', summary: 'nothing else', categories: ['x'], fixWhere: 'y', faults: [], aliases: [] },
  ];
  const { index } = sharded(odd);
  for (const word of ['constructor', 'prototype', 'tostring', 'hasownproperty', 'valueof', 'éclair', '東京'])
    assert.deepEqual((await rankSharded(index, word)).map((r) => r.code), ['proto'], word);
  for (const word of ['__proto__', '__defineGetter__', 'isPrototypeOf']) assert.deepEqual(await rankSharded(index, word), rankKnown(word, odd), word);
});
