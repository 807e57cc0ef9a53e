/**
 * What readers could not find, and which pages failed them (issue 21), from an export of the
 * feedback events (src/lib/shared/feedback.ts):
 *
 * - the JSON the beacon endpoint received: an array of events, or one event a line;
 * - GoatCounter's CSV export (its Path and Event columns: the event name and its properties);
 * - a Plausible CSV export of the custom events: a name (or goal) column, the property columns
 *   (page, reason, query, faultCode…) and a count (events or visitors).
 *
 * It prints the searches that found nothing and those whose results nobody opened, most first,
 * each with the page the ranker now puts first for it (or, where nothing fits, a code for a new
 * page); the triage parts no error fits, each with its fault code's page; and the least helpful
 * pages with their reasons. The ranker reads the built site (dist/search-data.json, after
 * `npm run build`).
 *
 *   npm run misses -- <export.json|export.csv> [--top 20]
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { DIST } from './lib/dist.ts';
import { rankKnown } from '../src/lib/shared/search/rank.ts';
import { builtFileOf, paths } from '../src/lib/shared/urls.ts';
import type { SearchDoc } from '../src/lib/shared/search/types.ts';
import { FEEDBACK_REASONS, type FeedbackEvent } from '../src/lib/shared/feedback.ts';

/** One event with how many times it came. */
export interface Counted {
  event: FeedbackEvent;
  count: number;
}

/** An event from its name and properties, as Plausible and GoatCounter keep them (eventParts' inverse). */
export function eventOf(name: string, props: Record<string, string>): FeedbackEvent | undefined {
  if (name === 'helpful-yes' || name === 'helpful-no') {
    if (!props['page']) return undefined;
    const reason =
      props['reason'] && Object.hasOwn(FEEDBACK_REASONS, props['reason'])
        ? (props['reason'] as keyof typeof FEEDBACK_REASONS)
        : undefined;
    return { type: 'helpful', page: props['page'], helpful: name === 'helpful-yes', ...(reason && { reason }) };
  }
  if (name === 'search-none' || name === 'search-not-opened')
    return { type: 'search-miss', query: props['query'] ?? '', result: name === 'search-none' ? 'none' : 'not-opened' };
  if (name === 'search-not-first' && props['opened'])
    return { type: 'search-miss', query: props['query'] ?? '', result: 'not-first', opened: props['opened'] };
  if (name === 'triage-miss') {
    const { faultCode, faultType, faultName, subject } = props;
    return {
      type: 'triage-miss',
      ...(faultCode && { faultCode }),
      ...(faultType && { faultType }),
      ...(faultName && { faultName }),
      ...(subject && { subject }),
    };
  }
  return undefined;
}

/** The events of an export, whatever its kind. */
export function readExport(text: string): Counted[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const events = trimmed.startsWith('[')
      ? (JSON.parse(trimmed) as FeedbackEvent[])
      : trimmed
          .split(/\r?\n/)
          .filter(Boolean)
          .map((l) => JSON.parse(l) as FeedbackEvent);
    return events.filter((e) => e && typeof e === 'object' && 'type' in e).map((event) => ({ event, count: 1 }));
  }
  const [header, ...rows] = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  if (!header) return [];
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h.trim().toLowerCase()));
  const path = col('path');
  const isEvent = col('event');
  if (path >= 0 && isEvent >= 0) {
    // GoatCounter: the path is the event name and its properties as name=value, "/"-joined.
    return rows.flatMap((r) => {
      if (!/^(true|1)$/i.test(r[isEvent] ?? '')) return [];
      const [name, ...pairs] = (r[path] ?? '').split('/');
      const props = Object.fromEntries(
        pairs.map((p) => [p.slice(0, p.indexOf('=')), decodeURIComponent(p.slice(p.indexOf('=') + 1))]),
      );
      const event = eventOf(name ?? '', props);
      return event ? [{ event, count: 1 }] : [];
    });
  }
  // Plausible: a name column, the property columns, a count.
  const name = col('name', 'goal', 'event_name');
  const count = col('events', 'visitors', 'count');
  if (name < 0)
    throw new Error(
      'not an export of feedback events: no "name" (or "goal") column, and no GoatCounter "Path" and "Event" columns',
    );
  return rows.flatMap((r) => {
    const props = Object.fromEntries(
      header
        .map((h, i) => [h.trim(), r[i] ?? ''])
        .filter(([h, v], i) => i !== name && i !== count && v !== '' && h !== ''),
    );
    const event = eventOf(r[name] ?? '', props);
    return event ? [{ event, count: count >= 0 ? Number(r[count]) || 1 : 1 }] : [];
  });
}

/** A code for a new error page from a query's words ("invoice-wont-sync-tax"). */
const newCode = (query: string) =>
  query
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 2)
    .slice(0, 5)
    .join('-');

export interface Report {
  searches: {
    query: string;
    result: 'none' | 'not-opened' | 'not-first';
    opened?: string;
    count: number;
    suggest: string;
  }[];
  triage: { fingerprint: string; count: number; suggest: string }[];
  pages: { page: string; yes: number; no: number; reasons: Record<string, number> }[];
}

export function report(events: Counted[], docs: readonly SearchDoc[]): Report {
  const searches = new Map<string, Report['searches'][number]>();
  const triage = new Map<string, Report['triage'][number]>();
  const pages = new Map<string, Report['pages'][number]>();
  for (const { event: e, count } of events) {
    if (e.type === 'search-miss') {
      const key = `${e.result}|${e.query}|${e.opened ?? ''}`;
      const s =
        searches.get(key) ??
        searches
          .set(key, { query: e.query, result: e.result, ...(e.opened && { opened: e.opened }), count: 0, suggest: '' })
          .get(key)!;
      s.count += count;
    } else if (e.type === 'triage-miss') {
      const fingerprint = [e.faultCode && `fault ${e.faultCode}`, e.faultType, e.faultName, e.subject]
        .filter(Boolean)
        .join(' · ');
      const known = e.faultCode && docs.some((d) => d.code === `quickbooks/${e.faultCode}`);
      const suggest = known
        ? `${paths.fault(e.faultCode!)} (add the error it means to that page)`
        : `a new error page${e.faultCode ? ` (fault ${e.faultCode} has no page: check that it is a QuickBooks code)` : ''}`;
      const t =
        triage.get(fingerprint) ?? triage.set(fingerprint, { fingerprint, count: 0, suggest }).get(fingerprint)!;
      t.count += count;
    } else {
      const p = pages.get(e.page) ?? pages.set(e.page, { page: e.page, yes: 0, no: 0, reasons: {} }).get(e.page)!;
      if (e.helpful) p.yes += count;
      else {
        p.no += count;
        if (e.reason) p.reasons[e.reason] = (p.reasons[e.reason] ?? 0) + count;
      }
    }
  }
  for (const s of searches.values()) {
    const best = rankKnown(s.query, docs)[0];
    if (s.opened) {
      s.suggest =
        best?.code === s.opened
          ? `${s.opened} (search now puts it first)`
          : `${s.opened} (people opened it over the first result${best ? `, ${best.code}` : ''}: add the query's words to its aliases)`;
      continue;
    }
    s.suggest = best
      ? `${best.code} (the page search now puts first${s.result === 'not-opened' ? '; nobody opened it: check its title and summary' : ''})`
      : `a new error page, for example ${newCode(s.query) || 'its own code'}`;
  }
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  return {
    searches: [...searches.values()].sort(byCount),
    triage: [...triage.values()].sort(byCount),
    pages: [...pages.values()]
      .filter((p) => p.no > 0)
      .sort((a, b) => b.no / (b.yes + b.no) - a.no / (a.yes + a.no) || b.no - a.no),
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 20;
  if (!file || !existsSync(file)) {
    console.error(
      'Usage: npm run misses -- <export.json|export.csv> [--top 20]\n(the JSON the endpoint received, or a GoatCounter or Plausible CSV export)',
    );
    process.exit(2);
  }
  const dataFile = join(DIST, builtFileOf(paths.searchData()));
  if (!existsSync(dataFile)) {
    console.error(`${dataFile} is missing: run npm run build first (the suggestions are the built search's).`);
    process.exit(2);
  }
  const r = report(readExport(readFileSync(file, 'utf8')), JSON.parse(readFileSync(dataFile, 'utf8')) as SearchDoc[]);
  const lines: string[] = [];
  const section = (title: string, rows: string[]) =>
    lines.push(`\n${title}`, ...(rows.length ? rows.slice(0, top) : ['  none']));
  section(
    'Searches that found nothing, most first (→ what to do):',
    r.searches
      .filter((s) => s.result === 'none')
      .map((s) => `  ${String(s.count).padStart(4)}  "${s.query}" → ${s.suggest}`),
  );
  section(
    'Searches whose first result was passed over for another (→ the page people chose):',
    r.searches
      .filter((s) => s.result === 'not-first')
      .map((s) => `  ${String(s.count).padStart(4)}  "${s.query}" → ${s.suggest}`),
  );
  section(
    'Searches whose results nobody opened:',
    r.searches
      .filter((s) => s.result === 'not-opened')
      .map((s) => `  ${String(s.count).padStart(4)}  "${s.query}" → ${s.suggest}`),
  );
  section(
    'Triage parts no error fits:',
    r.triage.map((t) => `  ${String(t.count).padStart(4)}  ${t.fingerprint} → ${t.suggest}`),
  );
  section(
    'Least helpful pages (No of all answers, and why):',
    r.pages.map(
      (p) =>
        `  ${p.page}: ${p.no} of ${p.yes + p.no} said no${
          Object.keys(p.reasons).length
            ? ` (${Object.entries(p.reasons)
                .map(([k, n]) => `${FEEDBACK_REASONS[k as keyof typeof FEEDBACK_REASONS] ?? k} ×${n}`)
                .join(', ')})`
            : ''
        }`,
    ),
  );
  console.log(lines.join('\n').trimStart());
}

if (import.meta.main) main();
