/**
 * Where the catalog lives. CONTENT_DIR points the build at another copy (the bad-content and
 * rename tests and the benchmark's synthetic catalogs use it); the site uses ./content.
 */
export const CONTENT_DIR = process.env['CONTENT_DIR'] ?? './content';
