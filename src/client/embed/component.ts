/**
 * <qbo-sync-help>: an error's card inside the host's own page (issue 22; README, "Help inside
 * the app"). One classic script with no dependencies, loaded from the help center
 * (/embed/qbo-sync-help.js); the card is drawn in a shadow root with DOM calls and text only (no
 * HTML strings, so it runs under the host's Trusted Types), its style a constructed stylesheet.
 *
 *   <qbo-sync-help code="invoice-closed-period">           an error by its code (or a former one)
 *   <qbo-sync-help qb="6140" record="invoice">             a QuickBooks fault, as /go/ reads it
 *   <qbo-sync-help message="…the text of the fault…">      the recogniser of search and triage
 *
 * The cards come from /embed/cards.json; a `message` loads the recogniser
 * (/embed/qbo-sync-help-match.js) on first use. Following "Open the full page" or "Contact
 * support" fires `qbo-sync-help:open` / `qbo-sync-help:support` (detail: code, url) on the element.
 */
import { chooseCard, type EmbedCard, type EmbedChoice, type EmbedData } from '../../lib/shared/embed.ts';
import type { MessageMatch } from './match.ts';

// The help center's address: where this script was loaded from (…/embed/qbo-sync-help.js).
const here = new URL('.', (document.currentScript as HTMLScriptElement | null)?.src ?? location.href);
let data: Promise<EmbedData> | undefined;
const load = (): Promise<EmbedData> =>
  (data ??= fetch(new URL('cards.json', here)).then((r) => {
    if (!r.ok) throw new Error(`cards.json: ${r.status}`);
    return r.json() as Promise<EmbedData>;
  }));
let matcher: Promise<{ match: (message: string) => Promise<MessageMatch> }> | undefined;

const STYLE = `
:host { display: block; font: inherit; color: inherit; }
.card { border: 1px solid #8a8f98; border-radius: 6px; padding: 0.9rem 1.1rem; background: Canvas; color: CanvasText; }
.meta { margin: 0; font-size: 0.875em; }
h3 { margin: 0.2rem 0 0.4rem; font-size: 1.15em; line-height: 1.3; }
h4 { margin: 0.8rem 0 0.3rem; font-size: 1em; }
ol, ul { margin: 0.2rem 0; padding-inline-start: 1.4rem; }
li { margin: 0.25rem 0; white-space: pre-line; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; }
a { color: LinkText; }
a:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
.actions { display: flex; flex-wrap: wrap; gap: 0.4rem 1.1rem; margin: 0.8rem 0 0; }
`;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

class QboSyncHelp extends HTMLElement {
  static observedAttributes = ['code', 'qb', 'record', 'message'];
  #root = this.attachShadow({ mode: 'open' });
  #run = 0;

  constructor() {
    super();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
    this.#root.adoptedStyleSheets = [sheet];
  }

  connectedCallback(): void {
    void this.#render();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) void this.#render();
  }

  async #choose(d: EmbedData): Promise<EmbedChoice> {
    const [code, qb, record, message] = ['code', 'qb', 'record', 'message'].map((a) => this.getAttribute(a));
    if (code || qb || !message) return chooseCard(d, { code, qb, record });
    matcher ??= import(new URL('qbo-sync-help-match.js', here).href) as Promise<{
      match: (message: string) => Promise<MessageMatch>;
    }>;
    const found = await (await matcher).match(message);
    const card = found.code ? d.cards[found.code] : undefined;
    if (card) return { kind: 'card', card };
    if (found.options.length)
      return { kind: 'several', cards: found.options.flatMap((c) => d.cards[c] ?? []), fault: found.fault ?? '' };
    return found.fault ? chooseCard(d, { qb: found.fault, record }) : { kind: 'none' };
  }

  async #render(): Promise<void> {
    const run = ++this.#run;
    const box = el('section', undefined, { class: 'card', 'aria-live': 'polite', 'aria-busy': 'true' });
    box.append(el('p', 'Loading help for this error…'));
    this.#root.replaceChildren(box);
    let choice: EmbedChoice;
    let d: EmbedData | undefined;
    try {
      d = await load();
      choice = await this.#choose(d);
    } catch {
      choice = { kind: 'none' };
    }
    if (run !== this.#run) return;
    box.replaceChildren(...this.#draw(choice, d));
    box.removeAttribute('aria-busy');
  }

  #draw(choice: EmbedChoice, d: EmbedData | undefined): Node[] {
    const site = d?.site ?? new URL('..', here).href;
    if (choice.kind === 'card') return this.#card(choice.card, d!);
    if (choice.kind === 'several') {
      const list = el('ul');
      for (const c of choice.cards) {
        const li = el('li');
        const a = el('a', c.title, { href: '#' });
        a.addEventListener('click', (e) => {
          e.preventDefault();
          this.removeAttribute('qb');
          this.removeAttribute('message');
          this.setAttribute('code', c.code);
        });
        li.append(a, ' ', el('code', c.code));
        list.append(li);
      }
      return [
        el('h3', `QuickBooks fault ${choice.fault} can mean several errors`),
        el('p', 'Choose the one that fits the record that failed:'),
        list,
      ];
    }
    const search = new URL('search/', site);
    const text = this.getAttribute('message') ?? this.getAttribute('qb') ?? this.getAttribute('code') ?? '';
    if (text) search.searchParams.set('q', text.slice(0, 200));
    return [
      el('h3', d ? 'No error in the help center matches this' : 'The help center could not be reached'),
      el(
        'p',
        d
          ? 'Search the help center for it, or contact support with the message.'
          : 'Open the help center to look for this error.',
      ),
      el('p', undefined, { class: 'actions' }).appendChild(
        el('a', 'Search the help center', { href: search.href, target: '_blank', rel: 'noopener' }),
      ).parentElement!,
    ];
  }

  #card(card: EmbedCard, d: EmbedData): Node[] {
    const nodes: Node[] = [
      el('p', `${card.category} · ${card.code}`, { class: 'meta' }),
      el('h3', card.title),
      el('p', card.summary),
    ];
    if (card.first.length) {
      const list = el('ul');
      for (const f of card.first) {
        const a = el('a', f.title, { href: d.cards[f.code]?.url ?? card.url, target: '_blank', rel: 'noopener' });
        const li = el('li');
        li.append(a, ' ', el('code', f.code));
        list.append(li);
      }
      nodes.push(el('h4', 'Fix these first'), list);
    }
    const steps = el('ol');
    for (const s of card.steps) steps.append(el('li', s));
    nodes.push(el('h4', 'How to fix'), steps);
    const open = el('a', 'Open the full page', { href: card.url, target: '_blank', rel: 'noopener' });
    const subject = encodeURIComponent(`QuickBooks sync error: ${card.code}`);
    const body = encodeURIComponent(`Error code: ${card.code}\nPage: ${card.url}\n\nWhat I tried:\n`);
    const mail = `mailto:${d.support}?subject=${subject}&body=${body}`;
    const support = el('a', 'Contact support', { href: mail });
    const tell = (type: string) => () =>
      this.dispatchEvent(
        new CustomEvent(`qbo-sync-help:${type}`, {
          bubbles: true,
          composed: true,
          detail: { code: card.code, url: card.url },
        }),
      );
    open.addEventListener('click', tell('open'));
    support.addEventListener('click', tell('support'));
    const actions = el('p', undefined, { class: 'actions' });
    actions.append(open, support);
    nodes.push(actions);
    return nodes;
  }
}

if (!customElements.get('qbo-sync-help')) customElements.define('qbo-sync-help', QboSyncHelp);
