/**
 * Cuts a paste into the parts that may each name one error, before anything is looked up:
 * the `Error` elements of QuickBooks faults (JSON, XML, and the same fields as other languages
 * print them: Python dicts, Ruby inspect, JavaScript objects, JSON escaped inside another
 * app's JSON), then the other lines (sync log lines, codes, plain words). Needs no catalog, so
 * the header search can ask "does this paste hold several errors?" without loading anything.
 *
 * Linear in the paste: one pass of each regular expression, no backtracking across lines
 * beyond a bounded window, and at most MAX_TRIAGE_CHARS read.
 */
import { capCodePoints, wellFormed } from '../search/cap.ts';

/** How much of a paste triage reads (code points): a 1 MB paste is read whole. */
export const MAX_TRIAGE_CHARS = 1_100_000;
/** How many parts triage looks at; a paste with more says the rest was not read. */
export const MAX_PARTS = 4000;

export interface FaultPart {
  kind: 'fault';
  /** Where it starts in the (capped) paste, to keep the order of the paste. */
  at: number;
  code?: string;
  message: string;
  detail: string;
  element: string;
  /** The part as text: "6240 · Duplicate Name Exists Error · The name supplied already exists." */
  text: string;
}

export interface LinePart {
  kind: 'line';
  at: number;
  text: string;
  /** The line without markup (tags), what is matched. */
  words: string;
  /** What is left of a line that also held a fault part. */
  remnant?: boolean;
}

export type Part = FaultPart | LinePart;

export interface Parts {
  parts: Part[];
  /** Part of the paste was not read (over MAX_TRIAGE_CHARS, or more than MAX_PARTS parts). */
  truncated: boolean;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (s: string) =>
  s.replace(
    /&(?:#(\d{1,7})|#x([\da-f]{1,6})|(amp|lt|gt|quot|apos));/gi,
    (all, dec?: string, hex?: string, name?: string) => {
      if (name) return XML_ENTITIES[name.toLowerCase()] ?? all;
      const cp = dec ? Number(dec) : parseInt(hex!, 16);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
    },
  );

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function faultText(code: string | undefined, message: string, detail: string): string {
  const parts = [code, message, detail && detail !== message ? detail : ''].filter(Boolean);
  return parts.join(' · ');
}

/**
 * A key and its value as the fields of an Error element are printed: "Message": "…",
 * 'code': '610', @detail="…", code: '6000', Message=…, <bare number> for code.
 */
const KEY_VALUE =
  /(?<![\w$])[@"']?(message|detail|code|element)["']?[ \t]*(?::|=>|=)[ \t]*(?:"((?:[^"\\\n]|\\.){0,2000})"|'((?:[^'\\\n]|\\.){0,2000})'|(\d{1,6})\b)/gi;
const XML_ERROR = /<Error\b([^<>]{0,500})>([\s\S]{0,6000}?)(?=<Error\b|<\/Error>|<\/Fault>|$)/gi;

/**
 * The parts of a paste, in the order they appear. Text inside escaped JSON (\" and \n) is
 * read as plain JSON first.
 */
export function extractParts(raw: string): Parts {
  const input = typeof raw === 'string' ? raw : '';
  const capped = capCodePoints(input, MAX_TRIAGE_CHARS);
  let truncated = capped.length < input.length;
  // Escaped JSON (a fault quoted inside another app's JSON or log): \" → ", \n → space.
  const text = wellFormed(capped)
    .replace(/\u0000/g, ' ')
    .replace(/\\+(["'])/g, '$1')
    .replace(/\\+[nrt]/g, ' ');
  const parts: Part[] = [];
  const taken: [number, number][] = [];

  for (const m of text.matchAll(XML_ERROR)) {
    const attrs = m[1]!;
    const body = m[2]!;
    const code = /\bcode=["'](\d{1,6})["']/i.exec(attrs)?.[1];
    const element = decodeXml(/\belement=["']([^"']*)["']/i.exec(attrs)?.[1] ?? '');
    const message = squash(decodeXml(/<Message>([\s\S]*?)<\/Message>/i.exec(body)?.[1] ?? ''));
    const detail = squash(decodeXml(/<Detail>([\s\S]*?)<\/Detail>/i.exec(body)?.[1] ?? ''));
    if (!message && !detail && !code) continue;
    if (message.length + detail.length > 4000) continue;
    parts.push({
      kind: 'fault',
      at: m.index,
      ...(code && { code }),
      message,
      detail,
      element,
      text: faultText(code, message, detail),
    });
    taken.push([m.index, m.index + m[0].length]);
  }

  // Fields close together, none repeated, make one Error element.
  let group: { at: number; end: number; fields: Map<string, string> } | undefined;
  const flush = () => {
    if (!group) return;
    const f = group.fields;
    const message = squash(f.get('message') ?? '');
    const detail = squash(f.get('detail') ?? '');
    const code = f.get('code');
    if ((message || detail) && !insideTaken(group.at)) {
      parts.push({
        kind: 'fault',
        at: group.at,
        ...(code && /^\d{3,6}$/.test(code) && { code: String(Number(code)) }),
        message,
        detail,
        element: f.get('element') ?? '',
        text: faultText(code, message, detail),
      });
      taken.push([group.at, group.end]);
    }
    group = undefined;
  };
  const insideTaken = (at: number) => taken.some(([a, b]) => at >= a && at < b);
  for (const m of text.matchAll(KEY_VALUE)) {
    const key = m[1]!.toLowerCase();
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    if (group && (group.fields.has(key) || m.index - group.end > 60)) flush();
    group ??= { at: m.index, end: m.index, fields: new Map() };
    group.fields.set(key, value);
    group.end = m.index + m[0].length;
  }
  flush();

  // Everything else, line by line: the fault parts become spaces (so offsets hold) and the
  // markup around them goes. A line that held part of a fault is a remnant ("Invoice 12 failed: {").
  taken.sort((a, b) => a[0] - b[0]);
  const blank = (s: string) => s.replace(/[^\n]/g, '\u0000');
  let rest = '';
  let from = 0;
  for (const [a, b] of taken) {
    if (b <= from) continue;
    const start = Math.max(a, from);
    rest += text.slice(from, start) + blank(text.slice(start, b));
    from = b;
  }
  rest += text.slice(from);
  let at = 0;
  for (const line of rest.split('\n')) {
    const remnant = line.includes('\u0000');
    const shown = squash(line.replace(/\u0000+/g, ' '));
    const words = squash(shown.replace(/<[^<>]{0,500}>/g, ' '));
    if (words) parts.push({ kind: 'line', at, text: shown, words, ...(remnant && { remnant }) });
    at += line.length + 1;
  }

  parts.sort((a, b) => a.at - b.at);
  if (parts.length > MAX_PARTS) {
    parts.length = MAX_PARTS;
    truncated = true;
  }
  return { parts, truncated };
}

/**
 * Whether a paste seems to hold more than one error, without the catalog: two or more
 * QuickBooks Error elements, or two or more lines with words in them. For the header search's
 * "Paste several errors? Open triage"; reads at most the first 20,000 characters.
 */
export function looksLikeSeveral(raw: string): boolean {
  const head = capCodePoints(typeof raw === 'string' ? raw : '', 20_000);
  const faults = extractParts(head).parts.filter((p) => p.kind === 'fault').length;
  if (faults >= 2) return true;
  if (faults === 1) return false;
  const lines = head.split(/\r?\n/).filter((l) => (l.match(/\p{L}{3,}/gu) ?? []).length >= 2 || /\b\d{3,5}\b/.test(l));
  return lines.length >= 2;
}
