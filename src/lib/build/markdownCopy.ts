/**
 * Copies of the catalog for assistants and bots (llmstxt.org): a Markdown copy beside every error's page
 * (`paths.errorMarkdown`)
 * (its facts, the body as the author wrote it, what QuickBooks may say and where that wording
 * was seen), /llms.txt (what the site is, every error with its summary and link) and
 * /llms-full.txt (every copy in one file). Plain Markdown with absolute links: a copy is read
 * away from the site. The documents are built as Markdown syntax trees and written by
 * remark-stringify, so a title or a QuickBooks message is escaped as Markdown text.
 */
import type { Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { SKIP, visit } from 'unist-util-visit';
import { manualResyncText, type ResyncRecord } from '../shared/resync.ts';
import { pageSources, sourceLabel } from './sources.ts';
import { categoriesLabel, factsOf, faultLine, SECTIONS, type FactData } from './errorPage.ts';

/**
 * What a copy needs of an error (src/lib/build/markdownCatalog.ts gives it); its facts as src/lib/build/errorPage.ts
 * reads them.
 */
export interface CopyError extends FactData {
  code: string;
  title: string;
  summary: string;
  body: string;
  aliases: readonly string[];
  categories: { title: string; url: string }[];
  quickbooks: readonly {
    code?: string | undefined;
    name?: string | undefined;
    message: string;
    source: string;
    faultUrl?: string | undefined;
  }[];
  dependsOn: { title: string; code: string; url: string }[];
  unblocks: { title: string; code: string; url: string }[];
  related: { title: string; code: string; url: string }[];
  lastReviewed: string;
  /** The page's absolute URL. */
  url: string;
  /** The copy's own absolute URL. */
  markdownUrl: string;
  /**
   * The help center's public root (SITE_URL), which authors' root-relative links ("/categories/x/") are relative to.
   */
  site: string;
}

const text = (value: string) => ({ type: 'text', value }) as const;
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const link = (url: string, children: PhrasingContent[]): Link => ({ type: 'link', url, children });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2 | 3, value: string): Heading => ({ type: 'heading', depth, children: [text(value)] });
const bullets = (items: PhrasingContent[][]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((children): ListItem => ({
    type: 'listItem',
    spread: false,
    children: [paragraph(...children)],
  })),
});
const errorLinks = (errors: CopyError['related']) =>
  bullets(
    errors.map((e) => [link(e.url, [text(e.title)]), text(' ('), { type: 'inlineCode', value: e.code }, text(')')]),
  );

const stringify = (root: Root) =>
  unified()
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '_', listItemIndent: 'one', rule: '-' })
    .stringify(root);

/**
 * The MDX body as plain Markdown: the <ManualResync> step becomes its sentence, any other
 * element (formatting such as <kbd>) its content, and links absolute: "#x" against `page`, and an
 * author's root-relative "/categories/x/" against the help center's root `site`, which may be a
 * subpath (https://example.com/help/ gives https://example.com/help/categories/x/).
 */
export function bodyMarkdown(body: string, page: string, site: string): RootContent[] {
  const root = site.endsWith('/') ? site : `${site}/`;
  const absolute = (url: string) =>
    (url.startsWith('/') && !url.startsWith('//') ? new URL(url.slice(1), root) : new URL(url, page)).href;
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(body) as Root;
  visit(tree, (node, index, parent) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && parent && index !== undefined) {
      const record = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'record')?.value;
      const replacement: RootContent[] =
        node.name === 'ManualResync'
          ? [
              node.type === 'mdxJsxFlowElement'
                ? paragraph(text(manualResyncText(record as ResyncRecord)))
                : text(manualResyncText(record as ResyncRecord)),
            ]
          : (node.children as RootContent[]);
      (parent.children as RootContent[]).splice(index, 1, ...replacement);
      return [SKIP, index];
    }
    if (node.type === 'link' || node.type === 'definition' || node.type === 'image') node.url = absolute(node.url);
    return undefined;
  });
  return tree.children;
}

/** One error's Markdown copy (`paths.errorMarkdown`). */
export function errorMarkdown(e: CopyError): string {
  const facts: PhrasingContent[][] = [
    [strong('Error code:'), text(' '), { type: 'inlineCode', value: e.code }],
    [strong('Web page:'), text(' '), link(e.url, [text(e.url)])],
    [
      strong(`${categoriesLabel(e.categories.length)}:`),
      text(' '),
      ...e.categories.flatMap((c, i) => [...(i ? [text(', ')] : []), link(c.url, [text(c.title)])]),
    ],
    ...factsOf(e).map((f) => [strong(`${f.label}:`), text(` ${f.value}`)]),
    ...(e.aliases.length ? [[strong('Also described as:'), text(` ${e.aliases.join(' · ')}`)]] : []),
    [strong('Last reviewed:'), text(` ${e.lastReviewed}`)],
  ];
  const children: RootContent[] = [heading(1, e.title), paragraph(text(e.summary)), bullets(facts)];
  if (e.dependsOn.length)
    children.push(
      heading(2, SECTIONS.fixFirst.heading),
      paragraph(text(SECTIONS.fixFirst.intro)),
      errorLinks(e.dependsOn),
    );
  children.push(...bodyMarkdown(e.body, e.url, e.site));
  if (e.quickbooks.length) {
    children.push(heading(2, SECTIONS.quickbooks.heading), paragraph(text(SECTIONS.quickbooks.intro)));
    for (const q of e.quickbooks) {
      const label = faultLine(q);
      if (label) children.push(paragraph(q.code && q.faultUrl ? link(q.faultUrl, [strong(label)]) : strong(label)));
      children.push(
        { type: 'blockquote', children: [paragraph(text(q.message))] },
        paragraph(text('Seen in: '), link(q.source, [text(sourceLabel(q.source))])),
      );
    }
  }
  const sources = pageSources(e.quickbooks, e.body);
  if (sources.length) {
    children.push(heading(2, SECTIONS.sources.heading), paragraph(text(SECTIONS.sources.intro)));
    children.push(
      bullets(
        sources.map((s) => [
          link(s.url, [text(s.label)]),
          ...(s.for.length ? [text(` for: ${s.for.join('; ')}`)] : []),
        ]),
      ),
    );
  }
  if (e.unblocks.length) children.push(heading(2, SECTIONS.unblocks.heading), errorLinks(e.unblocks));
  if (e.related.length) children.push(heading(2, SECTIONS.related.heading), errorLinks(e.related));
  return stringify({ type: 'root', children });
}

export interface LlmsSite {
  name: string;
  /** What the site is: one paragraph. */
  about: string;
  url: string;
  /** Categories in order, each with its errors (each error once, under its primary category). */
  sections: { title: string; errors: CopyError[] }[];
  /** Other machine-readable resources: title, absolute URL, what it is. */
  more: { title: string; url: string; about: string }[];
}

/** /llms.txt, in the llmstxt.org shape: H1, a blockquote, then sections of links. */
export function llmsTxt(site: LlmsSite): string {
  const children: RootContent[] = [
    heading(1, site.name),
    { type: 'blockquote', children: [paragraph(text(site.about))] },
    paragraph(
      text(
        'Each error below links to a plain Markdown copy of its page; the copy names the web page to send people to. Every copy in one file: ',
      ),
      link(site.more[0]!.url, [text(site.more[0]!.title)]),
      text('.'),
    ),
  ];
  for (const section of site.sections) {
    children.push(
      heading(2, section.title),
      bullets(section.errors.map((e) => [link(e.markdownUrl, [text(e.title)]), text(` (${e.code}): ${e.summary}`)])),
    );
  }
  children.push(
    heading(2, 'Optional'),
    bullets(site.more.map((m) => [link(m.url, [text(m.title)]), text(`: ${m.about}`)])),
  );
  return stringify({ type: 'root', children });
}

/** /llms-full.txt: the site's introduction and every error's copy, by category. */
export function llmsFullTxt(site: LlmsSite): string {
  const intro = stringify({
    type: 'root',
    children: [
      heading(1, site.name),
      { type: 'blockquote', children: [paragraph(text(site.about))] },
      paragraph(text('Web site: '), link(site.url, [text(site.url)])),
    ],
  });
  return [intro, ...site.sections.flatMap((s) => s.errors.map(errorMarkdown))].join('\n---\n\n');
}
