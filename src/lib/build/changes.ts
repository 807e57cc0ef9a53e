/**
 * What changed in the catalog (/changes/ and its Atom feed /changes.xml): new errors, changed
 * fixes, renamed codes, other edits and reviews, newest first, each naming the error it is
 * about. Built from the content's git history (src/lib/build/history.ts): each commit that touched an
 * error file is compared with the file before it. Where there is no history (a tarball, a
 * shallow clone) each error gets one entry dated by its lastReviewed, and the page says so.
 * Nothing here reads the clock: a build of one commit gives the same log.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { Feed } from 'feed';
import { escapeText } from 'entities';
import { fixSteps } from './fixSteps.ts';
import type { History } from './history.ts';

export type ChangeKind = 'added' | 'renamed' | 'fix' | 'updated' | 'reviewed';

/** What each kind is called, in the order an entry names them. */
export const CHANGE_KINDS: Record<ChangeKind, string> = {
  added: 'New error',
  renamed: 'Code renamed',
  fix: 'Fix changed',
  updated: 'Page updated',
  reviewed: 'Reviewed',
};

export interface Change {
  /** The error's code today (a renamed error's older changes are listed under its new code). */
  code: string;
  /** ISO 8601: the commit's date, or the lastReviewed day when there is no history. */
  date: string;
  kinds: ChangeKind[];
  /** Former codes this change renamed the error from. */
  renamedFrom: string[];
  /** A stable, unique key of the change (the commit, or the review day). */
  key: string;
}

/** What the change log needs of an error as it is today. */
export interface CurrentError {
  code: string;
  formerCodes: readonly string[];
  lastReviewed: Date;
}

interface Version {
  data: Record<string, unknown>;
  body: string;
}

function version(text: string): Version {
  try {
    const { frontmatter, content } = parseFrontmatter(text);
    return { data: frontmatter as Record<string, unknown>, body: content };
  } catch {
    return { data: {}, body: text };
  }
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** The kinds of one change of an error file, from its text before (undefined: new) and after. */
export function classify(before: string | undefined, after: string): { kinds: ChangeKind[]; renamedFrom: string[] } {
  const b = before === undefined ? undefined : version(before);
  const a = version(after);
  const renamedFrom = list(a.data['formerCodes']).filter((c) => !list(b?.data['formerCodes']).includes(c));
  const kinds: ChangeKind[] = [];
  if (!b && !renamedFrom.length) kinds.push('added');
  if (renamedFrom.length) kinds.push('renamed');
  if (!b) return { kinds, renamedFrom };
  if (JSON.stringify(fixSteps(b.body)) !== JSON.stringify(fixSteps(a.body))) kinds.push('fix');
  const rest = (v: Version) =>
    JSON.stringify({
      ...v.data,
      lastReviewed: undefined,
      formerCodes: undefined,
      code: undefined,
      body: v.body.trim(),
    });
  if (!kinds.includes('fix') && rest(b) !== rest(a)) kinds.push('updated');
  if (!kinds.length && String(b.data['lastReviewed']) !== String(a.data['lastReviewed'])) kinds.push('reviewed');
  return { kinds, renamedFrom };
}

const newestFirst = (x: Change, y: Change) =>
  x.date < y.date ? 1 : x.date > y.date ? -1 : x.code.localeCompare(y.code, 'en');

/** One entry per error, dated by its lastReviewed: what is known without history. */
function fromReviews(errors: readonly CurrentError[]): Change[] {
  return errors.map((e) => {
    const day = e.lastReviewed.toISOString().slice(0, 10);
    return {
      code: e.code,
      date: `${day}T00:00:00Z`,
      kinds: e.formerCodes.length ? ['renamed', 'reviewed'] : ['reviewed'],
      renamedFrom: [...e.formerCodes],
      key: `reviewed-${day}`,
    };
  });
}

export interface ChangeLog {
  changes: Change[];
  /** Why the log comes from lastReviewed only, when it does. */
  fallback?: string;
}

/** The change log of the catalog `errors` (as they are now), from `history`, newest first. */
export function changeLog(errors: readonly CurrentError[], history: History): ChangeLog {
  if ('unavailable' in history)
    return { changes: fromReviews(errors).sort(newestFirst), fallback: history.unavailable };
  const current = new Set(errors.map((e) => e.code));
  // Walking back from now, each file name stands for the error it became (renames).
  const becomes = new Map([...current].map((c) => [`${c}.mdx`, c]));
  const changes: Change[] = [];
  for (const change of [...history.changes].reverse()) {
    if (!change.path.endsWith('.mdx')) continue;
    const code = becomes.get(change.path);
    if (change.oldPath && code) becomes.set(change.oldPath, code);
    if (!code) continue;
    const { kinds, renamedFrom } = classify(change.before, change.after);
    if (kinds.length) changes.push({ code, date: change.date, kinds, renamedFrom, key: change.commit.slice(0, 12) });
  }
  // A file not yet committed has no history: its review date stands in.
  const seen = new Set(changes.map((c) => c.code));
  changes.push(...fromReviews(errors.filter((e) => !seen.has(e.code))));
  return { changes: changes.sort(newestFirst) };
}

/** The sentence of a change: "New error.", "Fix changed; code renamed from x." */
export function describe(change: Change): string {
  const parts = change.kinds.map((k) =>
    k === 'renamed' ? `${CHANGE_KINDS.renamed} from ${change.renamedFrom.join(', ')}` : CHANGE_KINDS[k],
  );
  const text = parts.join('; ').toLowerCase();
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export interface FeedError {
  title: string;
  summary: string;
  /** The page's absolute URL. */
  url: string;
  steps: string[];
}

/**
 * The Atom feed of the change log: one entry per change, linking to its error's page. `feed` is
 * the feed's own absolute URL and `page` that of /changes/. Titles and summaries are text, escaped
 * for the library's type="html".
 */
export function changesFeed(
  log: ChangeLog,
  o: { title: string; feed: string; page: string; errors: ReadonlyMap<string, FeedError> },
): string {
  const feed = new Feed({
    id: o.feed,
    title: o.title,
    description: 'New errors, changed fixes and renamed codes in the help center.',
    link: o.page,
    feedLinks: { atom: o.feed },
    language: 'en',
    author: { name: o.title, link: o.page },
    updated: new Date(log.changes[0]?.date ?? '2000-01-01T00:00:00Z'),
    generator: false,
  });
  for (const change of log.changes) {
    const error = o.errors.get(change.code)!;
    const steps =
      change.kinds.includes('fix') || change.kinds.includes('added')
        ? `<p>How to fix:</p><ol>${error.steps.map((s) => `<li>${escapeText(s)}</li>`).join('')}</ol>`
        : '';
    feed.addItem({
      title: escapeText(`${CHANGE_KINDS[change.kinds[0]!]}: ${error.title}`),
      id: `${error.url}#change-${change.key}`,
      link: error.url,
      date: new Date(change.date),
      description: escapeText(`${describe(change)} ${error.summary}`),
      ...(steps && { content: `<p>${escapeText(describe(change))} ${escapeText(error.summary)}</p>${steps}` }),
    });
  }
  return feed.atom1();
}
