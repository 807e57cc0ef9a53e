/**
 * Each page's Content Security Policy, as tight as the page allows. Astro's security.csp writes
 * one <meta> policy into every page with the hashes of every script and style of the whole
 * site; tightenCsp() rewrites a page's policy from what that page holds: script-src and
 * style-src carry the hashes of its own inline scripts and styles and nothing else, and the
 * configured sources ('self', 'wasm-unsafe-eval') only where the page loads a file of that
 * kind (a page that runs no script gets script-src 'none'). Every other directive of the
 * configuration (astro.config.mjs) is kept as it is. Used after the build
 * (integrations/csp.ts) and on the offline copy's pages (scripts/lib/export/site.ts).
 */
import { createHash } from 'node:crypto';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Script types a browser runs (anything else, e.g. application/ld+json, is a data block CSP ignores). */
const RUNS = /^(|module|(text|application)\/(java|ecma)script)$/i;
const HASH = /^'(sha256|sha384|sha512)-[A-Za-z0-9+/=]+'$/;

/** What a page holds that its policy must allow. */
interface PageCode {
  /** Hash sources of the inline scripts the browser runs, each once. */
  scriptHashes: string[];
  /** Hash sources of the inline <style> elements, each once. */
  styleHashes: string[];
  /** The page loads script files (<script src>, modulepreload). */
  scriptFiles: boolean;
  /** The page loads stylesheet files. */
  styleFiles: boolean;
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const isPolicy = (el: Element) =>
  el.tagName === 'meta' && attr(el, 'http-equiv')?.toLowerCase() === 'content-security-policy';
const text = (el: Element) =>
  el.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join('');

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const children =
    'content' in node && node.nodeName === 'template'
      ? node.content.childNodes
      : 'childNodes' in node
        ? node.childNodes
        : [];
  for (const child of children) yield* elements(child);
}

const hashSource = (algorithm: string, code: string) =>
  `'${algorithm}-${createHash(algorithm).update(code, 'utf8').digest('base64')}'`;

/** The inline code and the files of a parsed page (the browser hashes the text as parsed, as parse5 gives it). */
function codeOf(document: Node, algorithm: string): PageCode {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  let scriptFiles = false;
  let styleFiles = false;
  for (const el of elements(document)) {
    if (el.tagName === 'script' && RUNS.test((attr(el, 'type') ?? '').trim())) {
      if (attr(el, 'src') !== undefined) scriptFiles = true;
      else scripts.add(hashSource(algorithm, text(el)));
    } else if (el.tagName === 'style') styles.add(hashSource(algorithm, text(el)));
    else if (el.tagName === 'link') {
      const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('stylesheet')) styleFiles = true;
      if (rel.includes('modulepreload')) scriptFiles = true;
    }
  }
  return { scriptHashes: [...scripts], styleHashes: [...styles], scriptFiles, styleFiles };
}

/**
 * One fetch directive for a page: the configured sources (hashes aside) if the page loads
 * files of that kind, else only those that are not 'self' if it has inline code of it; then
 * the page's own hashes; 'none' when nothing is left.
 */
function fitted(configured: readonly string[], files: boolean, hashes: readonly string[]): string[] {
  const sources = configured.filter((s) => !HASH.test(s) && (files || (hashes.length > 0 && s !== "'self'")));
  const all = [...sources, ...hashes];
  return all.length ? all : ["'none'"];
}

/** A policy's directives, in order: "script-src 'self' 'sha256-…'" → ['script-src', ["'self'", …]]. */
export function parsePolicy(policy: string): [string, string[]][] {
  return policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .filter(([name]) => name)
    .map(([name, ...values]) => [name!.toLowerCase(), values]);
}

/**
 * The page with its CSP <meta> rewritten for what the page holds (see the top of this file).
 * A page without a CSP <meta> is returned as it is; the rest of the page is untouched, byte for byte.
 */
export function tightenCsp(html: string): string {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const metas = [...elements(document)].filter(isPolicy);
  if (!metas.length) return html;
  if (metas.length > 1) throw new Error('a page has more than one CSP <meta>: only one is expected');
  const meta = metas[0]!;
  const content = attr(meta, 'content') ?? '';
  const directives = parsePolicy(content);
  // The page's hashes use the configured algorithm (security.csp.algorithm), as Astro's did.
  const code = codeOf(document, /'(sha256|sha384|sha512)-/.exec(content)?.[1] ?? 'sha256');
  const configured = (name: string) => directives.find(([n]) => n === name)?.[1] ?? ["'self'"];
  const rewritten = new Map([
    // An inline script may import modules from this origin: any script keeps the script sources.
    [
      'script-src',
      fitted(configured('script-src'), code.scriptFiles || code.scriptHashes.length > 0, code.scriptHashes),
    ],
    ['style-src', fitted(configured('style-src'), code.styleFiles, code.styleHashes)],
  ]);
  const names = directives.map(([n]) => n);
  for (const name of rewritten.keys()) if (!names.includes(name)) names.push(name);
  const policy = names
    .map((n) => [n, ...(rewritten.get(n) ?? directives.find(([d]) => d === n)![1])].join(' '))
    .join('; ');
  const where = meta.sourceCodeLocation!.attrs!['content']!;
  return `${html.slice(0, where.startOffset)}content="${policy}"${html.slice(where.endOffset)}`;
}
