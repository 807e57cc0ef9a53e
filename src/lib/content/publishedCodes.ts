/**
 * content/published-codes.txt: every error code ever published, one a line, `#` comments.
 * Read by the catalog check (src/loaders/errors.ts) and by the tests (tests/content.ts).
 */
export const PUBLISHED_CODES_FILE = 'published-codes.txt';

/** The codes of the file's text, in order, without comments or blank lines. */
export function parsePublishedCodes(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}
