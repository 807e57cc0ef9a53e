/**
 * The printed catalog (the PDFs): which errors a book prints and in which part, the anchors
 * of its entries, and the links of their text. Inside a PDF a link can only go to a page of
 * the same PDF (#anchor) or to a full URL: a link to an error printed in the book becomes its
 * anchor, any other site link the page's public URL.
 */
import { basePathOf, withoutBase } from '../shared/base.ts';
import { categoryOf, errorCodeOf } from '../shared/urls.ts';

export interface BookCategoryInput {
  id: string;
  /** Errors listing the category, in the order to print them. */
  errors: { id: string; primary: string }[];
}

export interface BookPart {
  category: string;
  /** Errors printed in full in this part. */
  entries: string[];
  /** Errors of this category printed in another part (whole catalog only). */
  elsewhere: string[];
}

export interface Book {
  parts: BookPart[];
  /** Every error printed in full. */
  entries: ReadonlySet<string>;
  /** Every category with a part. */
  categories: ReadonlySet<string>;
}

export const categoryAnchor = (id: string) => `category-${id}`;
export const errorAnchor = (code: string) => `error-${code}`;
export const sectionAnchor = (code: string, id: string) => `error-${code}--${id}`;

/**
 * The whole catalog prints every error once, in the part of its primary category; a part
 * lists its other errors as "also in this category". A one-category book prints every error
 * listing that category.
 */
export function planBook(categories: readonly BookCategoryInput[], only?: string): Book {
  const chosen = only === undefined ? categories : categories.filter((c) => c.id === only);
  if (only !== undefined && !chosen.length) throw new Error(`no category "${only}"`);
  const parts = chosen.map((c) => {
    const full = only === undefined ? c.errors.filter((e) => e.primary === c.id) : c.errors;
    return {
      category: c.id,
      entries: full.map((e) => e.id),
      elsewhere: c.errors.filter((e) => !full.includes(e)).map((e) => e.id),
    };
  });
  return {
    parts,
    entries: new Set(parts.flatMap((p) => p.entries)),
    categories: new Set(parts.map((p) => p.category)),
  };
}

/**
 * Where a link of the book goes. `scope` is the error whose text holds the link: its own
 * fragments ("#how-to-fix") become that entry's section anchors.
 */
export function bookHref(
  href: string,
  book: Pick<Book, 'entries' | 'categories'>,
  site: string | URL,
  scope?: string,
): string {
  if (href.startsWith('#'))
    return scope && href.length > 1 ? `#${sectionAnchor(scope, decodeURIComponent(href.slice(1)))}` : href;
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const url = new URL(href, site);
  // The site's own pages, named by their path under the base that SITE_URL's path sets ("/docs/").
  const path = withoutBase(url.pathname, basePathOf(site)) ?? '';
  const error = errorCodeOf(path);
  if (error && book.entries.has(error))
    return `#${url.hash ? sectionAnchor(error, decodeURIComponent(url.hash.slice(1))) : errorAnchor(error)}`;
  const category = categoryOf(path);
  if (category && book.categories.has(category) && !url.hash) return `#${categoryAnchor(category)}`;
  return url.href;
}

const HEADING = /<(\/?)h([1-6])\b/g;
const ID = /(\sid=)(["'])([^"']+)\2/g;
const ID_REFS = /(\s(?:aria-labelledby|aria-describedby|aria-controls|for)=)(["'])([^"']+)\2/g;
const HREF = /(\shref=)(["'])([^"']*)\2/g;

/**
 * Makes the HTML of one error's text fit in the book: its ids get the entry's prefix (every
 * entry has a "what-it-means"), references to them follow, links go through `href`, and
 * headings move `shift` levels down, under the book's part and entry headings.
 */
export function scopeHtml(html: string, scope: string, href: (url: string) => string, shift: number): string {
  const ids = new Set([...html.matchAll(ID)].map((m) => m[3]!));
  return html
    .replace(HEADING, (_, close: string, level: string) => `<${close}h${Math.min(6, Number(level) + shift)}`)
    .replace(ID, (_, attr: string, q: string, id: string) => `${attr}${q}${sectionAnchor(scope, id)}${q}`)
    .replace(
      ID_REFS,
      (_, attr: string, q: string, refs: string) =>
        `${attr}${q}${refs
          .split(/\s+/)
          .map((r) => (ids.has(r) ? sectionAnchor(scope, r) : r))
          .join(' ')}${q}`,
    )
    .replace(
      HREF,
      (_, attr: string, q: string, url: string) =>
        `${attr}${q}${href(url.replace(/&amp;/g, '&')).replace(/&/g, '&amp;')}${q}`,
    );
}
