/**
 * Checks over the whole catalog that zod cannot make on one entry alone. Plain data in,
 * a list of problems out: each names the file and the field, so the build error says where
 * to look. Astro 7 only logs a dangling reference(), so this is what makes it fatal.
 */
export interface EntryFacts {
  /** The entry id: the file name without .mdx. */
  id: string;
  /** Path of the source file, relative to the project root. */
  file: string;
  code: string;
  /** Codes this entry was published under before (their URLs redirect to it). */
  formerCodes: string[];
  dependsOn: string[];
  related: string[];
  /** The raw MDX body. */
  body: string;
}

export interface Problem {
  file: string;
  /** The frontmatter field ("quickbooks[0].message"), or "frontmatter", "body", "file name" or "text" (the bytes). */
  field: string;
  message: string;
  /** The line of the file, where known. */
  line?: number | undefined;
}

/** One line per problem: `file[:line]: field "x": what is wrong; what is allowed`. */
export function formatProblems(problems: Problem[]): string {
  const part = (field: string) =>
    field === 'body' || field === 'file name' || field === 'text' || field === 'frontmatter'
      ? field
      : `field "${field}"`;
  return problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${part(p.field)}: ${p.message}`).join('\n');
}

/**
 * Content mistakes, all of them, as the build's error: a message of one line per problem and
 * no stack trace (Astro prints an error's stack when it has one, and a stack into node_modules
 * tells an author nothing).
 */
export class ContentProblems extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(
      `The content has ${problems.length} problem${problems.length === 1 ? '' : 's'} to fix:\n${formatProblems(problems)}`,
    );
    this.problems = problems;
    this.name = 'ContentProblems';
    this.stack = '';
  }
}

/** The lines of the body section under a "## <title>" heading, up to the next h2. */
export function section(body: string, title: string): string | undefined {
  const lines = body.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim().toLowerCase() === `## ${title.toLowerCase()}`);
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^##\s/.test(l));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n');
}

/** A "How to fix" section must be a numbered list with at least one non-empty step. */
function hasNumberedStep(text: string): boolean {
  return text.split(/\r?\n/).some((l) => /^\s*\d+[.)]\s+\S/.test(l));
}

/** Finds a dependency cycle, returned as the chain of ids that closes it, or undefined. */
export function findCycle(edges: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of [...edges.keys()].sort()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * `published` is every code ever published (content/published-codes.txt, `publishedFile`):
 * each must still resolve, as a current code or a former one, and every current code must be
 * recorded there, so that a rename can never silently break a link.
 */
export function validateCatalog(entries: EntryFacts[], published?: { file: string; codes: string[] }): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set(entries.map((e) => e.id));
  const former = new Map<string, string>();
  for (const e of entries) {
    for (const old of e.formerCodes) {
      if (ids.has(old))
        problems.push({ file: e.file, field: 'formerCodes', message: `"${old}" is the code of a current error` });
      else if (former.has(old))
        problems.push({
          file: e.file,
          field: 'formerCodes',
          message: `"${old}" is already a former code of ${former.get(old)}`,
        });
      else former.set(old, e.id);
    }
  }
  if (published) {
    const recorded = new Set(published.codes);
    for (const code of published.codes) {
      if (!ids.has(code) && !former.has(code)) {
        problems.push({
          file: published.file,
          field: code,
          message: `this published code no longer resolves: add it to the formerCodes of the error it became`,
        });
      }
    }
    for (const e of entries) {
      if (!recorded.has(e.id))
        problems.push({
          file: e.file,
          field: 'code',
          message: `"${e.id}" is not recorded in ${published.file}: add it (published codes are kept forever)`,
        });
    }
  }
  for (const e of entries) {
    if (e.code !== e.id) {
      problems.push({ file: e.file, field: 'code', message: `"${e.code}" must equal the file name "${e.id}"` });
    }
    for (const field of ['dependsOn', 'related'] as const) {
      for (const target of e[field]) {
        if (!ids.has(target) && former.has(target)) {
          problems.push({
            file: e.file,
            field,
            message: `names "${target}", a former code of "${former.get(target)}": name "${former.get(target)}" instead (a rename updates the lists that name the old code)`,
          });
        } else if (!ids.has(target)) {
          problems.push({ file: e.file, field, message: `names "${target}", which is no error in content/errors/` });
        } else if (target === e.id) {
          problems.push({ file: e.file, field, message: `names the entry itself` });
        }
      }
    }
    if (section(e.body, 'What it means')?.trim() ? false : true) {
      problems.push({ file: e.file, field: 'body', message: 'needs a "## What it means" section with text' });
    }
    const fix = section(e.body, 'How to fix');
    if (fix === undefined || !hasNumberedStep(fix)) {
      problems.push({
        file: e.file,
        field: 'body',
        message: '"## How to fix" is missing or empty: it needs at least one numbered step',
      });
    }
  }
  const edges = new Map(entries.map((e) => [e.id, e.dependsOn.filter((d) => ids.has(d) && d !== e.id)]));
  const cycle = findCycle(edges);
  if (cycle) {
    const file = entries.find((e) => e.id === cycle[0])?.file ?? cycle[0]!;
    problems.push({ file, field: 'dependsOn', message: `dependency cycle: ${cycle.join(' → ')}` });
  }
  return problems;
}

/** How long a page may go without a review before the build warns about it. */
export const REVIEW_MONTHS = 12;

/**
 * Pages whose lastReviewed is more than REVIEW_MONTHS before `now`: a warning, not a failure
 * (an old page may still be right), in the same one-line shape as a problem. This is the only
 * check that reads the clock; it changes what the build prints, never what it writes.
 */
export function staleReviews(
  entries: readonly { file: string; lastReviewed: Date; line?: number | undefined }[],
  now: Date,
): Problem[] {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - REVIEW_MONTHS);
  return entries
    .filter((e) => e.lastReviewed < limit)
    .map((e) => ({
      file: e.file,
      line: e.line,
      field: 'lastReviewed',
      message: `last reviewed ${e.lastReviewed.toISOString().slice(0, 10)}, over ${REVIEW_MONTHS} months ago; check the page against Workiz and QuickBooks, then set lastReviewed to the day you did`,
    }));
}
