/**
 * The feedback queue of this browser (issue 21): events wait here, a few at most, until
 * navigator.sendBeacon has handed them to the destination the page names (its
 * <meta name="qbo-help-feedback">, written only when FEEDBACK_URL was set at build). Nothing is
 * stored but the events themselves: no cookie, no identifier. The offline copy queues the same
 * way and sends when it is opened with a network; it can also hand the queue to support as a
 * prepared e-mail (mailText).
 */
import { beaconRequest, type FeedbackEvent, type FeedbackTarget } from '../../lib/shared/feedback.ts';

export const QUEUE_KEY = 'qbo-help-feedback';
/** The most events waiting; older ones go first. */
const MAX_QUEUED = 30;

/** The destination this page names, when it names one. */
export function feedbackTarget(): (FeedbackTarget & { domain: string }) | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="qbo-help-feedback"]');
  if (!meta) return undefined;
  try {
    return JSON.parse(meta.content) as FeedbackTarget & { domain: string };
  } catch {
    return undefined;
  }
}

function read(): FeedbackEvent[] {
  try {
    const list = JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? (list as FeedbackEvent[]) : [];
  } catch {
    return [];
  }
}

function write(list: FeedbackEvent[]): void {
  try {
    if (list.length) localStorage.setItem(QUEUE_KEY, JSON.stringify(list.slice(-MAX_QUEUED)));
    else localStorage.removeItem(QUEUE_KEY);
  } catch {
    /* storage off: the event is sent now or not at all */
  }
}

/** Sends what waits, keeping what the browser would not take (offline, or the beacon refused). */
export function flush(): void {
  const target = feedbackTarget();
  if (!target) return;
  const left: FeedbackEvent[] = [];
  // The page's own address, without its query (a search's words stay out of it).
  const url = location.protocol === 'file:' ? `https://${target.domain}/` : location.origin + location.pathname;
  for (const e of read()) {
    const { url: to, body } = beaconRequest(target, e, { domain: target.domain, url });
    let sent = false;
    try {
      sent =
        navigator.onLine &&
        navigator.sendBeacon(
          to,
          body === undefined ? undefined : new Blob([body], { type: 'text/plain;charset=UTF-8' }),
        );
    } catch {
      sent = false;
    }
    if (!sent) left.push(e);
  }
  write(left);
}

/** Queues an event and sends what waits. */
export function record(event: FeedbackEvent): void {
  if (!feedbackTarget()) return;
  write([...read(), event]);
  flush();
}

/** What waits, as the text of an e-mail to support (the offline copy offers it). */
export function mailText(): string {
  return read()
    .map((e) => JSON.stringify(e))
    .join('\n');
}
