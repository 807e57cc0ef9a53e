/**
 * Search misses (issue 21): a search whose results stood a moment and found nothing, or whose
 * results nobody opened before the next search or before leaving the page. Only the query's
 * words go, through privateQuery (no names, numbers or e-mail addresses), never a result.
 */
import { privateQuery } from '../../lib/shared/feedback.ts';
import { record } from './queue.ts';

/** How long results must stand before they count as read (the box is searched as people type). */
const SETTLE_MS = 1500;

const watchers = new WeakMap<HTMLElement, (raw: string, hits: number) => void>();

/** The watcher of one results list: call it with each search's final results. */
export function watch(list: HTMLElement): (raw: string, hits: number) => void {
  let watcher = watchers.get(list);
  if (watcher) return watcher;
  let settled: { query: string; hits: number } | undefined;
  let opened = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const leave = () => {
    if (settled && settled.hits && !opened && settled.query)
      record({ type: 'search-miss', query: settled.query, result: 'not-opened' });
    settled = undefined;
  };
  list.addEventListener('click', (e) => {
    const link = (e.target as Element | null)?.closest('a');
    if (!link) return;
    // Another result than the first: the ranking missed, and the one opened says what it should have put first.
    const links = [...list.querySelectorAll('a')];
    const code = link.closest('[data-code]')?.getAttribute('data-code');
    if (settled?.query && !opened && links.indexOf(link) > 0 && code)
      record({ type: 'search-miss', query: settled.query, result: 'not-first', opened: code });
    opened = true;
  });
  addEventListener('pagehide', leave);
  watcher = (raw, hits) => {
    clearTimeout(timer);
    leave();
    timer = setTimeout(() => {
      const query = privateQuery(raw);
      if (!hits) {
        if (query) record({ type: 'search-miss', query, result: 'none' });
        return;
      }
      settled = { query, hits };
      opened = false;
    }, SETTLE_MS);
  };
  watchers.set(list, watcher);
  return watcher;
}
