/**
 * An error card in a frame (src/pages/embed/[code].astro): tells the parent its height, and
 * when "Open the full page" or "Contact support" is followed, with postMessage to the parent's
 * own origin, and only when that origin is the help center's or one EMBED_ORIGINS lists (never
 * "*"). The message shapes are src/lib/shared/embed.ts EmbedMessage.
 */
import { mayHear, MESSAGE_SOURCE, type EmbedMessage } from '../../lib/shared/embed.ts';

/** The parent's origin, when this page is in a frame: Chromium and Safari say it; else the referrer. */
function parentOrigin(): string | undefined {
  if (window.parent === window) return undefined;
  const ancestor = location.ancestorOrigins?.[0];
  if (ancestor) return ancestor;
  try {
    return document.referrer ? new URL(document.referrer).origin : undefined;
  } catch {
    return undefined;
  }
}

export function attachFrame(): void {
  const card = document.querySelector<HTMLElement>('[data-embed-code]');
  const meta = document.querySelector<HTMLMetaElement>('meta[name="qbo-help-embed"]');
  if (!card || !meta) return;
  const code = card.dataset['embedCode']!;
  const allowed = (JSON.parse(meta.content) as { origins: string[] }).origins;
  const to = parentOrigin();
  if (!to || to === 'null' || !mayHear(to, allowed, location.origin)) return;
  const send = (message: EmbedMessage) => window.parent.postMessage(message, to);

  const main = document.querySelector<HTMLElement>('main')!;
  let last = 0;
  const report = () => {
    const height = Math.ceil(main.getBoundingClientRect().height);
    if (height !== last) send({ source: MESSAGE_SOURCE, type: 'height', code, height: (last = height) });
  };
  new ResizeObserver(report).observe(main);
  report();
  // A parent that starts listening late asks again: { source: 'qbo-sync-help', type: 'hello' }.
  addEventListener('message', (event: MessageEvent<{ source?: string; type?: string }>) => {
    if (
      event.origin !== to ||
      event.source !== window.parent ||
      event.data?.source !== MESSAGE_SOURCE ||
      event.data.type !== 'hello'
    )
      return;
    last = 0;
    report();
  });
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest('a');
    if (link?.hasAttribute('data-embed-open')) send({ source: MESSAGE_SOURCE, type: 'open', code, url: link.href });
    else if (link?.hasAttribute('data-embed-support')) send({ source: MESSAGE_SOURCE, type: 'support', code });
  });
}
