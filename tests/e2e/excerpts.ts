/**
 * What a search result's excerpt must never show (issue 11): text of two elements run together
 * ("Duplicate Document Number ErrorYou must…", a fault's name in one element and its message in
 * the next) and the hidden label of a heading's "#" link ("#Link to section: Why it happens").
 *
 * A lowercase letter directly followed by a capital is legitimate inside one element's text
 * ("QuickBooks", "DocNumber"); across elements it is a join. So a word of an excerpt with that
 * shape must be found, as is, in the text of one element of the page it links to (in the built
 * HTML, where a join across elements has a tag in between).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from '../../scripts/lib/dist.ts';

const pages = new Map<string, string>();
/** The text of each element of an error page (or a fault code's page), one string per text node. */
function textNodes(code: string): string {
  let text = pages.get(code);
  if (text === undefined) {
    // An error's page, or a fault code's ("quickbooks/7001", issue 19).
    const html = readFileSync(
      code.startsWith('quickbooks/') ? join(DIST, code, 'index.html') : join(DIST, 'errors', code, 'index.html'),
      'utf8',
    );
    text = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, '\n');
    pages.set(code, text);
  }
  return text;
}

/** The faults of one excerpt of the page `code`: joined words and heading-link labels. */
export function excerptFaults(code: string, excerpt: string): string[] {
  const faults: string[] = [];
  if (/Link to section/i.test(excerpt)) faults.push(`heading-link text in "${excerpt}"`);
  for (const word of excerpt.match(/[\p{L}\p{N}]*\p{Ll}\p{Lu}[\p{L}\p{N}]*/gu) ?? []) {
    if (!textNodes(code).includes(word)) faults.push(`"${word}" joins two elements in "${excerpt}"`);
  }
  return faults;
}
