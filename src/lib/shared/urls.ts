/**
 * Every page address of the help center, in one place. Plain TypeScript (no Astro): pages,
 * components, browser code, the build integrations and the export all import it.
 *
 * `paths` gives site paths ("/errors/x/"), what the catalog, the search index and the export
 * speak in. `urls` gives the same addresses under the site's base path (src/lib/shared/base.ts), what a
 * link on a built page uses. No page address is spelt anywhere else in src/.
 */
import { withBase } from './base.ts';

/** An error's page, or one of its sections ("how-to-fix"). */
const error = (code: string, section?: string) => `/errors/${code}/${section ? `#${section}` : ''}`;

export const paths = {
  home: () => '/',
  /** Every error A–Z. */
  errors: () => '/errors/',
  error,
  /** An error's plain Markdown copy, beside its page. */
  errorMarkdown: (code: string) => `/errors/${code}.md`,
  /** An error page's link preview, its og:image (src/lib/build/preview/). */
  errorPreview: (code: string) => `/og/${code}.png`,
  category: (id: string) => `/categories/${id}/`,
  /** QuickBooks fault codes, and one fault's page. */
  faults: () => '/quickbooks/',
  fault: (code: string) => `/quickbooks/${code}/`,
  /** The search page; with a query, its address (the caller caps the query: src/lib/shared/search/cap.ts). */
  search: (query?: string) => (query === undefined ? '/search/' : `/search/?q=${encodeURIComponent(query)}`),
  /** Triage of several errors at once; with codes, the address of that plan. */
  triage: (codes?: readonly string[]) =>
    codes && codes.length ? `/triage/?e=${codes.map(encodeURIComponent).join(',')}` : '/triage/',
  /** The link contract for the app and support (README, "Links into the help center"; src/lib/shared/triage/go.ts). */
  go: (query?: string) => (query ? `/go/?${query}` : '/go/'),
  /** The printable book of every error, or of one category. */
  print: (category?: string) => (category ? `/print/${category}/` : '/print/'),
  changes: () => '/changes/',
  changesFeed: () => '/changes.xml',
  catalogJson: () => '/errors.json',
  catalogSchema: () => '/errors.schema.json',
  /** The whole structured search data (the dev server, the offline export). */
  searchData: () => '/search-data.json',
  /** The data triage works on (src/lib/shared/triage/data.ts); the triage and /go/ pages carry it inline. */
  triageData: () => '/triage-data.json',
  /** A file of the split search data (src/lib/shared/search/shards.ts): manifest.json, s<shard>.json, d<chunk>.json. */
  searchSplit: (file: string) => `/search-data/${file}`,
  /** The compact card of an error for a frame in the Workiz app (README, "Help inside the app"). */
  embed: (code?: string) => (code ? `/embed/${code}/` : '/embed/'),
  /** What the <qbo-sync-help> component reads: every card and the /go/ answers for faults. */
  embedData: () => '/embed/cards.json',
  /** The component's script, and the recogniser it loads for a `message`. */
  embedScript: () => '/embed/qbo-sync-help.js',
  embedMatcher: () => '/embed/qbo-sync-help-match.js',
  /** The page that shows the component and the frame at work. */
  embedDemo: () => '/embed-demo/',
  /**
   * The customer's reply of every error for help desks (src/lib/build/macros.ts): Zendesk macros, and a CSV of saved
   * replies.
   */
  macrosZendesk: () => '/macros/zendesk.json',
  macrosCsv: () => '/macros/saved-replies.csv',
  llms: () => '/llms.txt',
  llmsFull: () => '/llms-full.txt',
  robots: () => '/robots.txt',
  sitemap: () => '/sitemap-index.xml',
} as const;

/**
 * The file of the split search data (paths.searchSplit) that maps each Pagefind id to a page's
 * code, beside a manifest that carries the whole data (src/lib/shared/search/shards.ts): fetched with
 * Pagefind, so a first result never waits for it.
 */
export const PAGEFIND_IDS = 'fulltext-ids.json';

/**
 * The folder of the split search data (paths.searchSplit) that holds the complete data: every
 * page with its words, and the fault codes' pages (integrations/pagefind.ts); the folder itself
 * holds the first data, all a first result waits for.
 */
export const COMPLETE_DIR = 'complete/';

type Paths = typeof paths;

/** The same addresses under the site's base path, for links on built pages. */
export const urls = Object.fromEntries(
  Object.entries(paths).map(([name, path]) => [
    name,
    (...args: unknown[]) => withBase((path as (...a: unknown[]) => string)(...args)),
  ]),
) as { [K in keyof Paths]: Paths[K] };

/** The error code of a site path of an error page ("/errors/x/#y" → "x"), or undefined. */
export function errorCodeOf(path: string): string | undefined {
  return /^\/errors\/([^/#?.]+)\/?(?:[#?].*)?$/.exec(path)?.[1];
}

/** The category id of a site path of a category page ("/categories/x/" → "x"), or undefined. */
export function categoryOf(path: string): string | undefined {
  return /^\/categories\/([^/#?.]+)\/?(?:[#?].*)?$/.exec(path)?.[1];
}

/** The site path a built HTML file answers: "errors/x/index.html" → "/errors/x/", "404.html" → "/404.html". */
export const pathOfBuiltFile = (file: string): string => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/**
 * The built file of a site path, the inverse of pathOfBuiltFile ("/errors/x/" → "errors/x/index.html", "/errors.json" →
 * "errors.json").
 */
export const builtFileOf = (path: string): string =>
  `${path.replace(/^\//, '')}${path.endsWith('/') ? 'index.html' : ''}`;
