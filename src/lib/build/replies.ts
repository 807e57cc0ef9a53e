/**
 * The reply support sends a customer about one error ("Copy as reply" on its page, and the
 * help-desk macros of src/lib/build/macros.ts): short plain text written to the customer, in the
 * second person, from support. It says what happened (from the page's summary), lists the fix
 * steps, and ends with the page's public link and the error code.
 *
 * The page is written for whoever reads it, and reads it on the help center; a reply is read in
 * an e-mail from support. So the page's text is reworded by general rules, never per page:
 * - "contact support (from the link at the end of this page)" becomes "reply to this message",
 *   and support named as a third party ("Workiz support needs to…", "until support confirms")
 *   becomes "we" or "us";
 * - a source cited in parentheses ("([Intuit](https://…))") is left out: the page lists them;
 * - a run of manual resync steps becomes one step, so a reply stays short (references such as
 *   "skip to step 5" are renumbered; a run that a step refers into is left as it is).
 *
 * Where the rules are not enough (a fix that is "contact support and tell them which…", steps
 * written for whoever handles the case), the error's frontmatter gives the reply its own
 * `reply.intro` and/or `reply.steps` (src/content.config.ts), which replace the summary and the
 * steps. Plain data in, plain text out: no Astro, unit-tested on the whole catalog.
 */
import { fixSteps } from './fixSteps.ts';
import { manualResyncText } from '../shared/resync.ts';
import { RECORD_IDS, type RecordId } from '../shared/taxonomy.ts';

/** What a reply is made from: an error's frontmatter fields and its MDX body. */
export interface ReplySource {
  code: string;
  title: string;
  summary: string;
  /** The MDX body: the reply's steps are its "How to fix" list. */
  body: string;
  /** The frontmatter's own text for the reply, where the page's would read wrong in one. */
  reply?: { intro?: string | undefined; steps?: readonly string[] | undefined } | undefined;
}

/** The longest reply, in characters, with a link of LINK_ALLOWANCE characters. */
export const REPLY_MAX = 1500;
/** The length of link a reply's budget allows for (SITE_URL plus the page's path). */
export const LINK_ALLOWANCE = 100;

/** What takes the place of "contact support" in a reply that comes from support. */
export const SUPPORT_LINE = "Reply to this message and we'll look into it with you.";

/** A source cited in parentheses in Markdown: "([Intuit](https://…))". The page lists its sources; a reply leaves them out. */
const CITATION = /(^[ \t]*)?[ \t]*\(\[[^\]]*\]\(https?:\/\/[^\s)]*\)\)/gm;

const VERB: Record<string, string> = {
  needs: 'need',
  confirms: 'confirm',
  tells: 'tell',
  can: 'can',
  will: 'will',
  has: 'have',
};

/** `by`, capitalized when it starts a sentence of `text` at `offset`. */
const atSentence = (text: string, offset: number, by: string) =>
  /(?:^|[.!?]\s+)$/.test(text.slice(0, offset)) ? by[0]!.toUpperCase() + by.slice(1) : by;

/** "Contact support", as the pages write it. */
const CONTACT = String.raw`\bcontact (?:Workiz )?support(?: from the link at the end of this page)?(?: with the code filled in)?`;
/** The page's words for support, as support writes them in a reply: [pattern, its words in a reply]. */
const FROM_SUPPORT: [RegExp, (word: string | undefined) => string][] = [
  // "…: contact support." ends a sentence: the reply says what happens next.
  [new RegExp(`${CONTACT}\\.`, 'gi'), () => SUPPORT_LINE[0]!.toLowerCase() + SUPPORT_LINE.slice(1)],
  [new RegExp(`${CONTACT}(?:,(?= with\\b))?`, 'gi'), () => 'reply to this message'],
  [/\b(?:Workiz )?support (needs|confirms|tells|can|will|has)\b/gi, (verb) => `we ${VERB[verb!.toLowerCase()]}`],
  [/\b(by|with|to|from|ask) (?:Workiz )?support\b/gi, (word) => `${word!} us`],
];

/** Text of the page reworded for a reply from support. */
export function fromSupport(text: string): string {
  return FROM_SUPPORT.reduce(
    (out, [re, by]) =>
      out.replace(re, (...args: unknown[]) => {
        const groups = args.slice(1, -2) as (string | undefined)[];
        const offset = args.at(-2) as number;
        return atSentence(out, offset, by(groups[0]));
      }),
    text,
  );
}

const RESYNC_STEP = new Map<string, RecordId>(RECORD_IDS.map((r) => [manualResyncText(r), r]));

/** "client", "client and invoice", "client, item, invoice and payment". */
const listOf = (words: readonly string[]) =>
  words.length < 3 ? words.join(' and ') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;

/** One step for several manual resyncs in a row, in their order. */
export const resyncRunText = (records: readonly RecordId[]) =>
  `Sync the ${listOf(records)} again by hand, in that order: in Workiz, open the sync history log, tick the box next to each entry, and press Sync at the top of the log.`;

const STEP_REF = /\bstep (\d+)\b/g;

/**
 * Runs of two or more manual resync steps become one step; "step N" in any step follows the new
 * numbers. A run is kept as it is when a step refers to one of its steps but the first.
 */
export function mergeResyncs(steps: readonly string[]): string[] {
  const referred = new Set(steps.flatMap((s) => [...s.matchAll(STEP_REF)].map((m) => Number(m[1]))));
  const out: { text: string; from: number[] }[] = [];
  for (let i = 0; i < steps.length;) {
    let end = i;
    while (end < steps.length && RESYNC_STEP.has(steps[end]!)) end++;
    const run = steps.slice(i, end);
    const numbers = run.map((_, k) => i + k + 1);
    if (run.length > 1 && !numbers.slice(1).some((n) => referred.has(n))) {
      out.push({ text: resyncRunText(run.map((s) => RESYNC_STEP.get(s)!)), from: numbers });
      i = end;
    } else {
      out.push({ text: steps[i]!, from: [i + 1] });
      i++;
    }
  }
  const renumber = new Map(out.flatMap((s, k) => s.from.map((n) => [n, k + 1] as const)));
  return out.map((s) =>
    s.text.replace(STEP_REF, (found, n: string) =>
      renumber.has(Number(n)) ? `step ${renumber.get(Number(n))}` : found,
    ),
  );
}

/** The reply's fix steps from a page's MDX body: its "How to fix" list, worded for a reply. */
export function replySteps(body: string): string[] {
  const cited = body.replace(CITATION, (_, indent: string | undefined) => indent ?? '');
  // A citation taken from before a full stop or a comma leaves a space: "billing . You".
  return mergeResyncs(fixSteps(cited).map((s) => s.replace(/ +([.,;:])/g, '$1'))).map(fromSupport);
}

/** The reply's opening: what happened, to the customer. */
export function replyIntro(source: Pick<ReplySource, 'title' | 'summary' | 'reply'>): string {
  const what = (source.reply?.intro ?? fromSupport(source.summary)).trim();
  return `You're seeing the QuickBooks sync error “${source.title}”. ${/[.!?]$/.test(what) ? what : `${what}.`}`;
}

/** The steps numbered as plain text, a step's sub-points indented under it. */
const numbered = (steps: readonly string[]) => steps.map((s, i) => `${i + 1}. ${s.replace(/\n/g, '\n   ')}`).join('\n');

/**
 * The customer's reply for one error: what happened, "To fix it:" and the numbered steps, then
 * the page's public link (absolute, under SITE_URL) and the error code.
 */
export function customerReply(source: ReplySource, url: string): string {
  const steps = source.reply?.steps?.length ? source.reply.steps.map((s) => s.trim()) : replySteps(source.body);
  return [
    replyIntro(source),
    `To fix it:\n${numbered(steps)}`,
    `The full steps, with more detail: ${url}\nError code: ${source.code}`,
  ].join('\n\n');
}

/**
 * Why a reply's own text (frontmatter `reply.intro`, `reply.steps`) is not fit to send, or
 * undefined when it is: plain text, from support. The content schema runs it on each.
 */
export function replyTextProblem(text: string): string | undefined {
  if (/<[a-z/!]/i.test(text)) return 'plain text only: no HTML';
  if (/\*\*|__|`|\]\(|^\s*#|^\s*[*+] /m.test(text))
    return 'plain text only: no Markdown (bold or code marks, [text](link) links, headings, or list marks other than "- " for a point under a step)';
  if (/\bcontact (?:Workiz )?support\b|end of this page/i.test(text))
    return 'a reply comes from support: write "reply to this message", not "contact support" or "the link at the end of this page"';
  return undefined;
}

/**
 * The reply's problem for the build, when it is over its budget: then the page needs a shorter
 * `reply` in its frontmatter. `field` names what to change.
 */
export function replyLengthProblem(source: ReplySource): { field: string; message: string } | undefined {
  const length = customerReply(source, 'x'.repeat(LINK_ALLOWANCE)).length;
  if (length <= REPLY_MAX) return undefined;
  const own = source.reply?.steps?.length;
  return {
    field: own ? 'reply.steps' : 'reply',
    message: `the reply support copies is ${length.toLocaleString('en')} characters, over ${REPLY_MAX.toLocaleString('en')} (with a ${LINK_ALLOWANCE}-character link); ${own ? 'shorten these steps' : 'give the page a shorter reply: `reply.steps` (and `reply.intro`) in plain text'}`,
  };
}
