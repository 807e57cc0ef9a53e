import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFrontmatter } from '../../scripts/lib/frontmatter.ts';
import { loadQueries, QUERY_SETS } from '../../scripts/lib/queries.ts';
import { TRIAGE_DATA } from '../triage-data.ts';
import { normalizeQuery } from '../../src/lib/shared/search/query.ts';
import { rankKnown } from '../../src/lib/shared/search/rank.ts';
import {
  searchFiles,
  SHARD_CHARS,
  shardFor,
  ShardedIndex,
  splitData,
  splitFiles,
  WHOLE_CHARS,
} from '../../src/lib/shared/search/shards.ts';
import type { SearchDoc } from '../../src/lib/shared/search/types.ts';
import { PAGEFIND_IDS } from '../../src/lib/shared/urls.ts';

/** The real catalog as the search data has it (frontmatter only, as src/lib/build/searchDocs.ts). */
function realDocs(): SearchDoc[] {
  const dir = join(import.meta.dirname, '..', '..', 'content', 'errors');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const fm = readFrontmatter(join(dir, f)).data;
      const faults = ((fm['quickbooks'] as SearchDoc['faults'] | undefined) ?? []).map(({ code, name, message }) => ({
        code,
        name,
        message,
      }));
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

test("the complete data (every error with its words, the fault codes' pages) ranks alike split and whole, on every set", async () => {
  const complete = TRIAGE_DATA.docs!;
  assert.ok(JSON.stringify(complete).length > WHOLE_CHARS, 'the real complete data is split');
  const { index } = sharded(complete);
  for (const set of QUERY_SETS)
    for (const { query } of loadQueries(set)) {
      const whole = rankKnown(query, complete);
      const split = await rankSharded(index, query);
      assert.deepEqual(
        split.map((r) => r.code),
        whole.map((r) => r.code),
        `${set}: ${query}`,
      );
      split.forEach((r, i) =>
        assert.ok(
          Math.abs(r.score - whole[i]!.score) < 0.01,
          `${set}: ${query}: ${r.code} ${r.score} vs ${whole[i]!.score}`,
        ),
      );
    }
});

test('a search reads the shards of its words and the display data of the hits it shows, not the whole data', async () => {
  const { index, read, files } = sharded(docs);
  const shards = [...files.keys()].filter((f) => f.startsWith('s'));
  assert.ok(shards.length > 5, `${shards.length} shards`);
  const q = normalizeQuery('closed period', index.faultCodes);
  const ranked = await index.rank(q);
  // "closed", "period" and the pair "closed period": at most a shard each.
  assert.ok(read.length > 0 && read.length <= 3, read.join());
  assert.ok(read.every((f) => /^s[0-9a-f]*\.json$/.test(f)));
  const bytes = (list: string[]) => list.reduce((n, f) => n + files.get(f)!.length, 0);
  assert.ok(bytes(read) < bytes(shards) / 3, `${bytes(read)} of ${bytes(shards)} characters`);
  assert.equal((await index.doc(ranked[0]!.code))!.code, 'invoice-closed-period');
  assert.equal(read.filter((f) => f.startsWith('d')).length, 1);
  // A fault code reads its own shard.
  read.length = 0;
  const byFault = await index.rank(normalizeQuery('6240', index.faultCodes));
  assert.ok(byFault.length > 0);
  assert.equal(read.length, 1);
});

test('shards are cut like a trie: each key in the longest shard that starts it, none over SHARD_CHARS but a single key', () => {
  const many = Array.from({ length: 400 }, (_, i) => ({
    ...docs[i % docs.length]!,
    code: `${docs[i % docs.length]!.code}-${i}`,
  }));
  const { manifest, shards } = splitData(many);
  const ids = new Set(manifest.shards);
  assert.ok(ids.size > 20, `${ids.size} shards`);
  for (const [id, shard] of shards) {
    const keys = [
      ...shard.t.map(([k]) => k),
      ...shard.b.map(([k]) => k),
      ...shard.f.map(([k]) => k),
      ...shard.c.map(([k]) => k),
    ];
    for (const k of keys) assert.equal(shardFor(k, ids), id, k);
    const own = new Set([...shard.t.map(([k]) => k), ...shard.b.map(([k]) => k), ...shard.f.map(([k]) => k)]);
    if (own.size > 1) assert.ok(JSON.stringify(shard.t).length + JSON.stringify(shard.b).length < 2 * SHARD_CHARS, id);
  }
});

test('any word is a key: "constructor", "__proto__", "toString" and non-Latin words find only their own pages', async () => {
  const odd: SearchDoc[] = [
    {
      code: 'proto',
      title: 'constructor prototype toString',
      summary: 'hasOwnProperty valueOf',
      categories: ['x'],
      fixWhere: 'y',
      faults: [],
      aliases: ['éclair ünïcode 東京'],
    },
    {
      code: 'plain',
      title: 'an invoice',
      summary: 'nothing else',
      categories: ['x'],
      fixWhere: 'y',
      faults: [],
      aliases: [],
    },
  ];
  const { index } = sharded(odd);
  for (const word of ['constructor', 'prototype', 'tostring', 'hasownproperty', 'valueof', 'éclair', '東京'])
    assert.deepEqual(
      (await rankSharded(index, word)).map((r) => r.code),
      ['proto'],
      word,
    );
  for (const word of ['__proto__', '__defineGetter__', 'isPrototypeOf'])
    assert.deepEqual(await rankSharded(index, word), rankKnown(word, odd), word);
});

test('a catalog whose whole data fits in WHOLE_CHARS gets it in the manifest, a larger one the split', () => {
  const small = searchFiles(docs.map((d, i) => ({ ...d, pagefindId: `en_${i}` })));
  assert.deepEqual([...small.keys()], ['manifest.json', PAGEFIND_IDS]);
  // The ranker's data alone: the Pagefind ids come in their own file, fetched with Pagefind.
  assert.deepEqual(JSON.parse(small.get('manifest.json')!).whole, JSON.parse(JSON.stringify(docs)));
  assert.deepEqual(
    JSON.parse(small.get(PAGEFIND_IDS)!),
    docs.map((d, i) => [`en_${i}`, d.code]),
  );
  const split = searchFiles(docs, 1000);
  assert.ok(split.size > 5);
  assert.equal(JSON.parse(split.get('manifest.json')!).whole, undefined);
  assert.ok(JSON.stringify(docs).length <= WHOLE_CHARS, 'the real catalog is served whole');
});
