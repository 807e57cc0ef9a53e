/**
 * Checks of one content file as an author wrote it, before Astro reads it: its name, its bytes,
 * its frontmatter against the contract (with problems worded for authors, one line each) and
 * its body (nothing that can run or load anything, a size limit). Plain data in, a list of
 * problems out; src/loaders/errors.ts runs them over content/errors/.
 */
import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { closest, distance } from 'fastest-levenshtein';
import type { Problem } from './validate.ts';
import { RECORD_IDS } from '../shared/taxonomy.ts';

/** A file name is the code: lower-case words joined by hyphens, then ".mdx". */
export const FILE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.mdx$/;

/** File-name problems of a folder's files: names that are not a code, names that differ only in case. */
export function fileNameProblems(dir: string, names: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const byLower = new Map<string, string[]>();
  for (const name of [...names].sort()) {
    byLower.set(name.toLowerCase(), [...(byLower.get(name.toLowerCase()) ?? []), name]);
    if (!FILE_NAME.test(name)) {
      const code = name
        .replace(/\.mdx$/i, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      problems.push({
        file: `${dir}/${name}`,
        field: 'file name',
        message: `the file name must be the error's code, lower-case words joined by hyphens, then .mdx (e.g. "${code || 'item-duplicate'}.mdx")`,
      });
    }
  }
  for (const twins of byLower.values()) {
    if (twins.length < 2) continue;
    problems.push({
      file: `${dir}/${twins[0]}`,
      field: 'file name',
      message: `${twins.map((t) => `"${t}"`).join(' and ')} differ only in case: they would be one page (and one file on Windows and macOS); keep one`,
    });
  }
  return problems;
}

/** Why these bytes are not UTF-8 text ("byte 0xE9 on line 3"), or undefined when they are. */
export function notUtf8(bytes: Uint8Array): string | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    // Find the first bad byte: decode growing prefixes would be slow; step over valid sequences.
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i]!;
      const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
      const ok = len > 0 && i + len <= bytes.length && (len === 1 || isUtf8(bytes.subarray(i, i + len)));
      if (!ok) break;
      i += len;
    }
    const line = bytes.subarray(0, i).filter((b) => b === 0x0a).length + 1;
    return `byte 0x${(bytes[i] ?? 0).toString(16).toUpperCase().padStart(2, '0')} on line ${line}`;
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The closest of `candidates` to a misspelt `word`, when it is close enough to be what was meant. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (!candidates.length) return undefined;
  const best = closest(
    word.toLowerCase(),
    candidates.map((c) => c.toLowerCase()),
  );
  const match = candidates.find((c) => c.toLowerCase() === best)!;
  return distance(word.toLowerCase(), best) <= Math.max(2, Math.floor(match.length / 3)) ? match : undefined;
}

/** The parts of a zod 4 issue these messages use (`reportInput: true` fills `input`). */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  format?: string;
}

/**
 * The message zod's per-parse error map gives when the schema has no message of its own;
 * issues carrying it are worded here, the others keep the schema's words.
 */
export const DEFAULT_MESSAGE = '\u0000default';

const KIND: Record<string, string> = {
  string: 'text',
  array: 'a list, e.g. [a, b]',
  boolean: 'true or false',
  date: 'a date (YYYY-MM-DD)',
  number: 'a number',
  object: 'a group of fields',
};

const show = (value: unknown): string => {
  const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** `quickbooks[0].message` from a zod path. */
export const fieldPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );

/**
 * One problem per schema issue, worded for authors: the field, what is wrong and what is
 * allowed. `fieldsAt(path)` lists the fields allowed in the object at `path` (for "did you mean").
 */
export function schemaProblems(
  file: string,
  issues: readonly SchemaIssue[],
  fieldsAt: (path: readonly PropertyKey[]) => string[],
): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    const field = fieldPath(issue.path);
    const own = issue.message !== DEFAULT_MESSAGE ? issue.message : undefined;
    switch (issue.code) {
      case 'unrecognized_keys':
        return (issue.keys ?? []).map((key) => {
          const allowed = fieldsAt(issue.path);
          const guess = didYouMean(key, allowed);
          return {
            file,
            field: fieldPath([...issue.path, key]),
            message: `unknown field${field ? ` in ${field}` : ''}; ${guess ? `did you mean "${guess}"?` : `the fields are ${allowed.join(', ')}`}`,
          };
        });
      case 'invalid_type': {
        const kind = KIND[issue.expected ?? ''] ?? issue.expected ?? 'another value';
        if (issue.input === undefined) return [{ file, field, message: `missing; required: ${own ?? kind}` }];
        return [{ file, field, message: `${show(issue.input)} is not allowed; ${own ?? `it must be ${kind}`}` }];
      }
      case 'invalid_value': {
        const values = (issue.values ?? []).map(String);
        const guess = typeof issue.input === 'string' ? didYouMean(issue.input, values) : undefined;
        return [
          {
            file,
            field,
            message: `${show(issue.input)} is not allowed; allowed: ${values.join(', ')}${guess ? `; did you mean "${guess}"?` : ''}`,
          },
        ];
      }
      case 'too_big':
      case 'too_small': {
        const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
        const unit = issue.origin === 'array' ? 'entries' : 'characters';
        const size = typeof issue.input === 'string' || Array.isArray(issue.input) ? issue.input.length : undefined;
        const bound =
          issue.code === 'too_big'
            ? `at most ${limit.toLocaleString('en')} ${unit}`
            : `at least ${limit.toLocaleString('en')} ${unit === 'characters' && limit === 1 ? 'character' : unit}`;
        const has = size === undefined ? '' : `${size.toLocaleString('en')} ${unit}; `;
        return [
          { file, field, message: `${has}${own ?? bound}${own && !own.includes(String(limit)) ? ` (${bound})` : ''}` },
        ];
      }
      default:
        return [
          { file, field, message: `${show(issue.input)} is not allowed; ${own ?? issue.code.replaceAll('_', ' ')}` },
        ];
    }
  });
}

/** The largest body, in bytes of UTF-8: a page people read, printed and searched offline. */
export const BODY_MAX_BYTES = 50 * 1024;

/**
 * Components the error page gives MDX (src/layouts/ErrorPage.astro): the attributes each needs, and the values each
 * takes.
 */
export const COMPONENTS: Record<string, Record<string, readonly string[]>> = { ManualResync: { record: RECORD_IDS } };

/** HTML a body may use: formatting that can neither run nor load anything, without attributes. */
const SAFE_HTML = new Set([
  'abbr',
  'b',
  'br',
  'code',
  'del',
  'em',
  'i',
  'kbd',
  'mark',
  's',
  'small',
  'strong',
  'sub',
  'sup',
  'u',
]);

/** Elements that can run code or load something; named in the message so the author sees why. */
const ACTIVE_HTML: Record<string, string> = {
  script: 'runs code',
  style: 'changes the page and can load from other sites',
  iframe: 'loads another page',
  frame: 'loads another page',
  frameset: 'loads other pages',
  object: 'loads and runs a plug-in or another page',
  embed: 'loads and runs a plug-in',
  applet: 'runs code',
  link: 'loads a file from elsewhere',
  meta: 'changes how the page behaves (redirects, policies)',
  base: 'changes where every link of the page goes',
  form: 'sends what people type elsewhere',
  img: 'loads a picture (use Markdown: ![text](/file.png))',
  svg: 'can run code',
  math: 'can run code',
  template: 'can hold code',
  audio: 'loads media',
  video: 'loads media',
  portal: 'loads another page',
};

/** A URL that runs code or smuggles a document, once the browser strips what it ignores. */
export function isActiveUrl(url: string): boolean {
  // Browsers drop ASCII whitespace and control characters in a scheme ("java\tscript:").
  return /^(?:javascript|vbscript|data):/i.test(url.replace(/[\u0000-\u0020\u007f]/g, ''));
}

const isRemote = (url: string) => /^[a-z][a-z\d+.-]*:|^\/\//i.test(url.replace(/[\u0000-\u0020\u007f]/g, ''));

interface Node {
  type: string;
  name?: string | null;
  url?: string;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}

const mdx = createProcessor({ format: 'mdx', remarkPlugins: [remarkGfm] });

/**
 * Problems of an MDX body, read as MDX reads it (so no spelling of a tag, attribute or URL
 * slips by): raw HTML that can run or load anything, event handlers, javascript: URLs, remote
 * images, JavaScript expressions and imports, and a body over BODY_MAX_BYTES. `body` keeps the
 * file's line numbers (the frontmatter blanked), so `line` is the file's.
 */
export function bodyProblems(file: string, body: string): Problem[] {
  const problems: Problem[] = [];
  const at = (node: Node, message: string) =>
    problems.push({ file, field: 'body', line: node.position?.start.line, message });
  const bytes = new TextEncoder().encode(body.trim()).length;
  if (bytes > BODY_MAX_BYTES) {
    problems.push({
      file,
      field: 'body',
      message: `${(bytes / 1024).toFixed(0)} KB; at most ${BODY_MAX_BYTES / 1024} KB (split the page, or move detail to another error)`,
    });
  }
  let tree: Node;
  try {
    tree = mdx.parse(body) as Node;
  } catch (e) {
    const err = e as { reason?: string; message: string; line?: number };
    problems.push({ file, field: 'body', line: err.line, message: `not valid MDX: ${err.reason ?? err.message}` });
    return problems;
  }
  const visit = (node: Node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        at(node, 'import and export are not allowed in content: a page cannot run code');
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        at(node, 'a {…} expression is code, which content cannot run: write the text, or "\\{" for a brace');
        return;
      case 'link':
      case 'definition':
        if (node.url && isActiveUrl(node.url))
          at(
            node,
            `a link to "${node.url.slice(0, 40)}" would run code: javascript:, vbscript: and data: links are not allowed`,
          );
        break;
      case 'image':
        if (node.url && (isActiveUrl(node.url) || isRemote(node.url)))
          at(node, `the image "${node.url.slice(0, 60)}" is not on this site: images must be files of the help center`);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        jsxProblems(node, at);
        break;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  for (const claim of unsourcedClaims(tree))
    at(
      claim.node,
      `${claim.what} with no source: link the public page it comes from in the same paragraph or list item`,
    );
  return problems;
}

/** A number of something QuickBooks limits: "21 characters", "500 requests per minute", "5 levels", "60 seconds". */
const LIMIT =
  /\b\d[\d,.]*\s*\+?\s*(?:characters?|chars|requests?|calls?|levels?|seconds?|minutes?|per (?:second|minute|hour|day|month))\b/i;
/** What joins the steps of a menu path: ", then", ">", "→". */
const PATH_JOIN = /^\s*(?:,?\s*then(?:\s+(?:the|select|choose|open))?|>|→|›)\s*$/i;

/** The text of a node, its children's run together. */
const textOf = (node: Node): string => (node.value ?? '') + (node.children ?? []).map(textOf).join('');

/** Whether a block links a public page (http or https): a source for what it states. */
const hasSource = (node: Node): boolean =>
  (node.type === 'link' && /^https?:\/\//.test(node.url ?? '')) || (node.children ?? []).some(hasSource);

/** Two or more bold steps joined as a menu path ("**Settings ⚙**, then **Account and settings**"). */
function menuPath(block: Node): string | undefined {
  const inline = (
    block.type === 'listItem' ? (block.children ?? []).filter((c) => c.type === 'paragraph') : [block]
  ).flatMap((p) => p.children ?? []);
  for (let i = 0; i + 2 < inline.length; i++) {
    const [a, join, b] = [inline[i]!, inline[i + 1]!, inline[i + 2]!];
    if (a.type === 'strong' && join.type === 'text' && PATH_JOIN.test(join.value ?? '') && b.type === 'strong')
      return `${textOf(a)}${join.value}${textOf(b)}`;
  }
  return undefined;
}

/**
 * Limits and QuickBooks menu paths stated in a body with no public page beside them (issue 20:
 * every limit or menu path a page states is sourced, and the page lists its sources). A block is
 * a list item (its own paragraphs) or a paragraph outside a list.
 */
export function unsourcedClaims(tree: Node): { node: Node; what: string }[] {
  const out: { node: Node; what: string }[] = [];
  const check = (block: Node) => {
    const own =
      block.type === 'listItem'
        ? { ...block, children: (block.children ?? []).filter((c) => c.type !== 'list') }
        : block;
    if (hasSource(own)) return;
    const limit = LIMIT.exec(textOf(own))?.[0];
    const path = menuPath(block);
    if (limit) out.push({ node: block, what: `the limit "${limit}"` });
    else if (path) out.push({ node: block, what: `the menu path "${path.replace(/\s+/g, ' ')}"` });
  };
  const visit = (node: Node, inList: boolean) => {
    if (node.type === 'listItem') check(node);
    else if (node.type === 'paragraph' && !inList) check(node);
    for (const child of node.children ?? []) visit(child, inList || node.type === 'listItem');
  };
  visit(tree, false);
  return out;
}

function jsxProblems(node: Node, at: (node: Node, message: string) => void): void {
  const name = node.name ?? '';
  const component = COMPONENTS[name];
  const tag = name.toLowerCase();
  if (!name) at(node, 'a fragment <>…</> is not allowed: write Markdown');
  else if (component) {
    /* a component of the layout: its attributes are checked below */
  } else if (ACTIVE_HTML[tag]) at(node, `raw HTML <${name}> is not allowed: it ${ACTIVE_HTML[tag]}`);
  else if (!SAFE_HTML.has(name)) {
    at(
      node,
      /^[A-Z]/.test(name)
        ? `<${name}> is no component of the help center: the components are ${Object.keys(COMPONENTS)
            .map((c) => `<${c}>`)
            .join(', ')}`
        : `raw HTML <${name}> is not allowed: write Markdown (allowed tags: ${[...SAFE_HTML].join(', ')})`,
    );
  }
  for (const attr of node.attributes ?? []) {
    const attrName = attr.name ?? '';
    if (attr.type !== 'mdxJsxAttribute') at(node, `<${name}> has a {…} expression: attributes must be plain text`);
    else if (/^on/i.test(attrName))
      at(node, `<${name}> has an event handler attribute (${attrName}=), which runs code: not allowed`);
    else if (typeof attr.value === 'string' && isActiveUrl(attr.value))
      at(node, `<${name}> ${attrName}= is a javascript:, vbscript: or data: URL, which runs code: not allowed`);
    else if (attr.value !== null && attr.value !== undefined && typeof attr.value !== 'string')
      at(node, `<${name}> ${attrName}= is a {…} expression: attributes must be plain text`);
    else if (component && !Object.hasOwn(component, attrName))
      at(
        node,
        `<${name}> takes ${Object.keys(component)
          .map((a) => `${a}=`)
          .join(', ')}, not ${attrName}=`,
      );
    else if (component && !component[attrName]!.includes(String(attr.value)))
      at(
        node,
        `<${name}> ${attrName}="${attr.value}" is not allowed; ${allowed(String(attr.value), component[attrName]!)}`,
      );
    else if (!component && SAFE_HTML.has(name) && !(name === 'abbr' && attrName === 'title'))
      at(node, `<${name}> ${attrName}= is not allowed: formatting tags take no attributes`);
  }
  for (const [attrName, values] of Object.entries(component ?? {})) {
    if (!node.attributes?.some((a) => a.name === attrName))
      at(node, `<${name}> needs ${attrName}=; allowed: ${values.join(', ')}`);
  }
}

const allowed = (value: string, values: readonly string[]) => {
  const guess = didYouMean(value, values);
  return `${guess ? `did you mean "${guess}"? ` : ''}allowed: ${values.join(', ')}`;
};
