/**
 * How much each field of an error page counts in search: the one place a weight is written
 * (tests/unit/search-weights.test.ts holds that). Two scales, because two kinds of index read it:
 *
 * - `rank`: the structured ranker (rank.ts) multiplies a matched word's IDF by it;
 * - `fullText`: the full-text indexes, Pagefind online (the error page's `data-pagefind-weight`
 *   attributes, src/layouts/ErrorPage.astro; Pagefind takes 0 to 10, the page's text is 1) and
 *   MiniSearch offline (its `boost`, fullText.ts), so both weigh a page's fields alike.
 *
 * A field without a `fullText` weight is not a field of the full-text indexes.
 */
export const FIELD_WEIGHTS = {
  code: { rank: 3, fullText: 10 },
  title: { rank: 3, fullText: 10 },
  aliases: { rank: 3, fullText: 7 },
  /** QuickBooks' fault names and messages. */
  faults: { rank: 2, fullText: 7 },
  summary: { rank: 1.5, fullText: 5 },
  categories: { rank: 1 },
  fixWhere: { rank: 0.5 },
  /** The page's text (the full text's `text`). */
  body: { rank: 0.5, fullText: 1 },
} as const satisfies Record<string, { rank: number; fullText?: number }>;

export type Field = keyof typeof FIELD_WEIGHTS;
type FullTextField = { [F in Field]: (typeof FIELD_WEIGHTS)[F] extends { fullText: number } ? F : never }[Field];

/** The weight of a field of the ranker. */
export const rankWeight = (field: Field): number => FIELD_WEIGHTS[field].rank;

/** A field's `data-pagefind-weight` attribute value. */
export const pagefindWeight = (field: FullTextField): string => String(FIELD_WEIGHTS[field].fullText);

/** MiniSearch's boost of each full-text field, by the field names of FullTextDoc. */
export const FULL_TEXT_BOOST = {
  code: FIELD_WEIGHTS.code.fullText,
  title: FIELD_WEIGHTS.title.fullText,
  aliases: FIELD_WEIGHTS.aliases.fullText,
  faults: FIELD_WEIGHTS.faults.fullText,
  summary: FIELD_WEIGHTS.summary.fullText,
  text: FIELD_WEIGHTS.body.fullText,
};

/**
 * What the anatomy of a pasted fault adds to a page that shares it (anatomy.ts, rank.ts), on
 * the ranker's scale (a fault code of the page adds 20 and more, an error code typed as is 40):
 * - `subject`: the decisive name inside the message, of the same kind (Required parameter
 *   CustomerRef, Invalid Reference Id : TaxRate); `subjectKey`: the same name in another kind;
 * - `name`: a distinctive fault name (ThrottleExceeded, invalid_grant), worth more than
 * - `status`: an HTTP status, which QuickBooks shares among many faults;
 * - `type`: the fault type (ValidationFault), shared by most.
 */
export const SIGNAL_WEIGHTS = {
  subject: 30,
  subjectKey: 4,
  name: 25,
  status: 2,
  type: 0.5,
} as const;

/**
 * What a fault code named in a query adds to that code's own page (/quickbooks/<code>/, a search
 * doc of FAULT_CATEGORY): `alone` where no error of the catalog quotes the code (as much as an
 * error with that one code gets: 20 + 4), `beside` where some do, below every one of them
 * (20 + 4 / its number of codes, over 20), so the errors come first and the code's page after;
 * `words`: the share of everything else (words, messages, anatomy) such a page keeps, since it
 * answers what no error does and its name and messages are the same boilerplate the errors quote.
 */
export const FAULT_PAGE_WEIGHTS = { alone: 24, beside: 19, words: 0.6 } as const;

/** A word in the QuickBooks messages of this many pages or more is boilerplate (rank.ts `boilerplate`). */
export const BOILERPLATE_PAGES = 5;
