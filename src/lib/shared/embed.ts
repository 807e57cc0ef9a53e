/**
 * Help inside the app (issue 22): the data of an error's compact card, the setting that says
 * which origins may frame the cards, and the messages a card's frame sends its parent. Plain
 * TypeScript without DOM or Node: the build, the frame page and the <qbo-sync-help> component
 * read it. README, "Help inside the app", documents the messages and the setting.
 */

/** One error's card: what the frame page and the component show. */
export interface EmbedCard {
  code: string;
  title: string;
  /** One paragraph: what it means. */
  summary: string;
  /** The category's display name ("Invoice errors"). */
  category: string;
  /** "How to fix", as plain text. */
  steps: string[];
  /** "Fix these first": the errors this one waits on. */
  first: { code: string; title: string }[];
  /** The full page, absolute. */
  url: string;
}

/** What the component reads (paths.embedData): every card, and /go/'s answer for each fault. */
export interface EmbedData {
  /** The help center's address (SITE_URL). */
  site: string;
  /** Where "Contact support" writes. */
  support: string;
  cards: Record<string, EmbedCard>;
  /** Former codes and the error each became. */
  renamed: Record<string, string>;
  /**
   * For each fault code, and each fault code with a record ("610|invoice"), what /go/ opens:
   * an error's code, or the codes of the errors it can mean (several), or none (its fault page).
   */
  faults: Record<string, string | string[]>;
}

/** The environment variable listing the origins allowed to frame the cards. */
export const EMBED_SETTING = 'EMBED_ORIGINS';

/**
 * Reads the setting: origins separated by spaces or commas ("https://app.workiz.com
 * https://staging.workiz.com"). Unset, only the help center itself may frame its cards. Anything
 * that is not an http(s) origin (a path, a wildcard, a keyword) is an error that says so.
 */
export function parseEmbedOrigins(value: string | undefined): string[] {
  const out: string[] = [];
  for (const raw of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    let url: URL | undefined;
    try {
      url = new URL(raw);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== raw.replace(/\/$/, '')) {
      throw new Error(
        `${EMBED_SETTING}: "${raw}" is not an origin: give each as https://host or https://host:port, separated by spaces`,
      );
    }
    if (!out.includes(url.origin)) out.push(url.origin);
  }
  return out;
}

/** The frame-ancestors of the card pages: the help center itself and the listed origins. */
export function embedFrameAncestors(origins: readonly string[]): string {
  return ["'self'", ...origins].join(' ');
}

/**
 * What a card's frame tells its parent, with postMessage to the parent's origin only when that
 * origin is listed (never "*"):
 *
 *   { source: 'qbo-sync-help', type: 'height', code, height }   on load and whenever it changes
 *   { source: 'qbo-sync-help', type: 'open', code, url }        "Open the full page" was followed
 *   { source: 'qbo-sync-help', type: 'support', code }          "Contact support" was followed
 */
export type EmbedMessage =
  | { source: 'qbo-sync-help'; type: 'height'; code: string; height: number }
  | { source: 'qbo-sync-help'; type: 'open'; code: string; url: string }
  | { source: 'qbo-sync-help'; type: 'support'; code: string };

export const MESSAGE_SOURCE = 'qbo-sync-help';

/** Whether a parent at `origin` may hear a card's messages: a listed origin, or the help center's own. */
export function mayHear(origin: string, allowed: readonly string[], own: string): boolean {
  return origin === own || allowed.includes(origin);
}

/** What to show for what the host gave: a card, the cards a fault can mean, or nothing known. */
export type EmbedChoice =
  | { kind: 'card'; card: EmbedCard }
  | { kind: 'several'; cards: EmbedCard[]; fault: string }
  | { kind: 'none'; fault?: string };

/** The /go/ rules over the cards: a code (or a former one), or a fault with an optional record. */
export function chooseCard(
  data: EmbedData,
  o: { code?: string | null | undefined; qb?: string | null | undefined; record?: string | null | undefined },
): EmbedChoice {
  const code = o.code?.trim().toLowerCase();
  if (code) {
    const card = data.cards[data.renamed[code] ?? code];
    return card ? { kind: 'card', card } : { kind: 'none' };
  }
  const qb = o.qb?.trim() ?? '';
  // Leading zeros as logs print them: 003001 is fault 3001.
  const fault = /^\d{1,6}$/.test(qb) ? String(Number(qb)) : undefined;
  if (!fault) return { kind: 'none' };
  const record = o.record?.trim().toLowerCase();
  const found = (record && data.faults[`${fault}|${record}`]) || data.faults[fault];
  if (typeof found === 'string' && data.cards[found]) return { kind: 'card', card: data.cards[found] };
  if (Array.isArray(found)) return { kind: 'several', cards: found.flatMap((c) => data.cards[c] ?? []), fault };
  return { kind: 'none', fault };
}
