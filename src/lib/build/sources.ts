/**
 * How a QuickBooks message's public source is named on a page: the site and enough of the
 * path to tell two sources apart ("github.com/intuit/QuickBooks-V3-DotNET-SDK/issues/12"),
 * without the scheme, "www." or a query string.
 */
export function sourceLabel(source: string): string {
  const url = new URL(source);
  const path = decodeURIComponent(url.pathname).replace(/\/+$/, '');
  const label = `${url.hostname.replace(/^www\./, '')}${path}`;
  return label.length > 80 ? `${label.slice(0, 79)}…` : label;
}

/** One public page behind an error page: its address, its name, and what on the page it supports. */
export interface PageSource {
  url: string;
  label: string;
  /**
   * The parts of the page that cite it, in page order: "What QuickBooks may say", or the heading of the section that
   * links it.
   */
  for: string[];
}

/** The heading the author's text cites under QuickBooks' messages (errorPage.ts SECTIONS.quickbooks). */
const MESSAGES = 'What QuickBooks may say';

/** Public (http or https) links of a Markdown body, each with the heading of the "## " section it is in. */
export function bodyLinks(body: string): { url: string; section: string }[] {
  const out: { url: string; section: string }[] = [];
  let section = '';
  for (const line of body.split(/\r?\n/)) {
    const heading = /^##\s+(.+?)\s*$/.exec(line);
    if (heading) section = heading[1]!;
    for (const m of line.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g)) out.push({ url: m[1]!, section });
  }
  return out;
}

/**
 * Every public page an error page rests on, each once, in the order the page cites them: the
 * pages its text links for a limit, a menu path or a QuickBooks behaviour (README, "Writing and
 * changing errors"), then the sources of QuickBooks' messages.
 */
export function pageSources(quickbooks: readonly { source: string }[], body: string): PageSource[] {
  const byUrl = new Map<string, PageSource>();
  const cite = (url: string, part: string) => {
    const s = byUrl.get(url) ?? byUrl.set(url, { url, label: sourceLabel(url), for: [] }).get(url)!;
    if (part && !s.for.includes(part)) s.for.push(part);
  };
  for (const l of bodyLinks(body)) cite(l.url, l.section);
  for (const q of quickbooks) cite(q.source, MESSAGES);
  return [...byUrl.values()];
}
