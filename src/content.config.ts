/**
 * The content contract of the help center. Every error page is one MDX file in
 * content/errors/<code>.mdx whose frontmatter must match `errorSchema`; a typo in a field
 * name, a value outside a vocabulary or a missing field fails the build with the file and
 * the field named, one line per problem (src/loaders/errors.ts words zod's issues for authors
 * and suggests the field meant by a misspelt one). The loader also checks what zod cannot see
 * on one entry: the file name is the lower-case code (no two names differ only in case), the
 * file is UTF-8, the body has no raw HTML that can run or load anything (src/lib/content/authoring.ts)
 * and is at most BODY_MAX_BYTES; and over the whole catalog (src/lib/content/validate.ts): dangling
 * references, cycles, code = file name, an empty "How to fix", published codes.
 *
 * Limits keep pages readable and printable: title 120 characters, summary 240, an alias 80, a
 * QuickBooks message 1,000, a body 50 KB.
 */
import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { CATEGORY_IDS, DIRECTION_IDS, FAULT_GROUP_IDS, FIX_WHERE_IDS, RESYNC_IDS } from './lib/shared/taxonomy.ts';
import { CONTENT_DIR } from './lib/content/contentDir.ts';
import { PUBLISHED_CODES_FILE } from './lib/content/publishedCodes.ts';
import { errorsLoader } from './loaders/errors.ts';
import { categoriesLoader } from './loaders/categories.ts';
import { faultsLoader, FAULTS_FILE } from './loaders/faults.ts';
import { replyTextProblem } from './lib/build/replies.ts';

export { BODY_MAX_BYTES } from './lib/content/authoring.ts';

export const quickbooksFaultSchema = z.strictObject({
  /** QuickBooks' numeric fault code (e.g. "6240"), when QuickBooks reports one. */
  code: z
    .string()
    .regex(/^\d{3,5}$/, 'a QuickBooks fault code is 3 to 5 digits')
    .optional(),
  /** The fault's name as QuickBooks spells it, e.g. "Duplicate Name Exists Error". */
  name: z.string().min(1).max(120).optional(),
  /** The message text exactly as people see it (they paste it into search). */
  message: z.string().min(1).max(1000),
  /**
   * The public page where this exact wording appears (Intuit's developer documentation, an SDK
   * issue, another app's help page, a community thread): every quoted message is sourced.
   */
  source: z.url({ protocol: /^https$/, error: 'the address of a public https page where this exact wording appears' }),
});

const codeSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');

/** Text of a reply support sends (src/lib/build/replies.ts): plain text, written from support. */
const replyText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((text, ctx) => {
      const problem = replyTextProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: text });
    });

/**
 * The customer's reply ("Copy as reply", the help-desk macros), where the one made from the page
 * would read wrong in an e-mail from support: steps that say "contact support and tell them which…",
 * or too long to send (the build says so). Each replaces its part of the reply made from the page.
 */
export const replySchema = z
  .strictObject({
    /** What happened, to the customer, in place of the summary: one or two sentences. */
    intro: replyText(300).optional(),
    /** The fix steps, in place of the page's "How to fix"; a point under a step is a line starting "- ". */
    steps: z.array(replyText(900)).min(1, 'at least one step').max(8).optional(),
  })
  .refine((r) => r.intro !== undefined || r.steps !== undefined, {
    message: 'give the reply its own intro, its own steps, or both',
  });

export const errorSchema = z.strictObject({
  /**
   * The stable error code: equals the file name and the last part of the page's address (src/lib/shared/urls.ts). Never
   * changes once published.
   */
  code: codeSchema,
  /**
   * Codes this error was published under before a rename. Each keeps working: the page of the former
   * code redirects here. Never remove one; every published code is also listed in published-codes.txt.
   */
  formerCodes: z.array(codeSchema).default([]),
  /** The title the customer sees: what went wrong, in their words. */
  title: z.string().trim().min(1, 'a title is required').max(120),
  /** One plain sentence: what the error means. Shown in lists, search results and link previews. */
  summary: z
    .string()
    .trim()
    .min(1, 'a summary is required')
    .max(240, 'keep the summary to one sentence (240 characters at most)'),
  /**
   * One or more of the categories (CATEGORY_IDS, src/lib/shared/taxonomy.ts); the first is the primary category
   * (breadcrumb, grouping).
   */
  categories: z.array(z.enum(CATEGORY_IDS)).min(1, 'at least one category'),
  /** Which way the failed sync was going. */
  direction: z.enum(DIRECTION_IDS),
  /** Where the fix happens: in Workiz, in QuickBooks, by contacting support, or nowhere (no fix yet). */
  fixWhere: z.enum(FIX_WHERE_IDS),
  /** What the customer does once it is fixed: nothing (automatic), a manual resync, or none. */
  resync: z.enum(RESYNC_IDS),
  /** Errors to fix first: this one cannot clear while any of them stands. Reverse links are computed. */
  dependsOn: z.array(reference('errors')).default([]),
  /** See also: errors that look alike or often come together. */
  related: z.array(reference('errors')).default([]),
  /** What QuickBooks itself may report for this error, each message quoted exactly with its public source. */
  quickbooks: z.array(quickbooksFaultSchema).default([]),
  /** Other phrasings people use for this error; weighted in search. */
  aliases: z.array(z.string().trim().min(1).max(80)).default([]),
  /** Shown on the home page among the most common errors. */
  common: z.boolean().default(false),
  /** The reply support sends, where the one made from the page would read wrong (optional; see replySchema). */
  reply: replySchema.optional(),
  /** When a person last checked this page against the product (YYYY-MM-DD). */
  lastReviewed: z.coerce.date(),
});

export const categorySchema = z.strictObject({
  /** The category's title, e.g. "Client errors". */
  title: z.string().trim().min(1),
  /** One or two sentences shown on the home page and the category index. */
  description: z.string().trim().min(1),
  /** Position in lists, smallest first. */
  order: z.number().int(),
});

const publicSource = (what: string) =>
  z.url({ protocol: /^https$/, error: `the address of a public https page where ${what}` });

/**
 * One QuickBooks fault code in content/quickbooks-faults.yaml: every code of Intuit's published
 * error-code table and the codes public reports show beyond it. Each has its page,
 * /quickbooks/<code>/; the catalog's errors that quote the code are listed there, and every code
 * an error quotes must be here (src/lib/build/catalog.ts checks it).
 */
export const faultSchema = z.strictObject({
  /** The code as QuickBooks numbers it, without leading zeros (errorCode=003001 is "3001"). */
  code: z.string().regex(/^[1-9]\d{0,5}$/, 'the digits of the fault code, without leading zeros'),
  /**
   * Its name as QuickBooks spells it ("Duplicate Name Exists Error", "ThrottleExceeded"); where it has none, the start
   * of its message.
   */
  name: z.string().trim().min(1).max(200),
  /** What it means, quoted exactly from `source` (Intuit's table, or where the code was seen). */
  meaning: z.string().trim().min(1).max(1000),
  /** The public page the meaning is quoted from. */
  source: publicSource('this meaning is written'),
  /** Whether the code is in Intuit's published error-code table (false: seen in public reports only). */
  table: z.boolean(),
  /** What kind of fault it is, which says what to check when no error of the catalog fits (FAULT_GROUPS). */
  group: z.enum(FAULT_GROUP_IDS),
  /** HTTP statuses it has been seen with. */
  status: z.array(z.string().regex(/^\d{3}$/, 'an HTTP status, three digits')).default([]),
  /** Other wordings seen with the code, each quoted exactly with its public page. */
  messages: z
    .array(
      z.strictObject({
        message: z.string().trim().min(1).max(1000),
        source: publicSource('this exact wording appears'),
      }),
    )
    .default([]),
});

export const collections = {
  errors: defineCollection({
    loader: errorsLoader({
      base: `${CONTENT_DIR}/errors`,
      schema: errorSchema,
      publishedFile: `${CONTENT_DIR}/${PUBLISHED_CODES_FILE}`,
      categoriesDir: `${CONTENT_DIR}/categories`,
    }),
    schema: errorSchema,
  }),
  faults: defineCollection({
    loader: faultsLoader({ file: `${CONTENT_DIR}/${FAULTS_FILE}`, schema: faultSchema }),
    schema: faultSchema,
  }),
  categories: defineCollection({
    loader: categoriesLoader({ base: `${CONTENT_DIR}/categories`, schema: categorySchema }),
    schema: categorySchema,
  }),
};
