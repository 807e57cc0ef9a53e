/**
 * The fix plan of a set of recognised errors: what blocks others first (dependsOn, followed
 * through the whole catalog), then the sync order (account-wide errors, clients and items,
 * invoices, payments), then the order of the paste. An error that clears by itself once
 * another is fixed (it waits on other errors: "the invoice's client isn't in QuickBooks yet")
 * is folded under the step that clears it. The manual resyncs come last, one step per record
 * type, in sync order. Plain functions; no DOM.
 */
import type { ResyncRecord } from '../resync.ts';
import { manualResyncText } from '../resync.ts';
import { RECORD_PLURALS } from '../taxonomy.ts';
import { RECORD_ORDER, type TriageData, type TriageError } from './data.ts';

export interface FixStep {
  kind: 'fix';
  code: string;
  /** Errors that clear once this one is fixed, in plan order. */
  folded: string[];
}

export interface ResyncStep {
  kind: 'resync';
  record: ResyncRecord;
  /** The errors whose fix needs this resync, in plan order. */
  codes: string[];
}

export type PlanStep = FixStep | ResyncStep;

/** Account-wide errors stop everything; then clients and items, invoices, payments. */
const SYNC_RANK: Record<string, number> = { connection: 0, client: 1, item: 1, invoice: 2, payment: 3 };

/** Every error `code` waits on, directly or through others, over the whole catalog. */
function waitsOn(byCode: Map<string, TriageError>, code: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(byCode.get(code)?.dependsOn ?? [])];
  while (stack.length) {
    const c = stack.pop()!;
    if (seen.has(c)) continue;
    seen.add(c);
    stack.push(...(byCode.get(c)?.dependsOn ?? []));
  }
  return seen;
}

/** The plan for `codes` (known codes, in the order of the paste; unknown ones are ignored). */
export function fixPlan(data: TriageData, codes: readonly string[]): PlanStep[] {
  const byCode = new Map(data.errors.map((e) => [e.code, e]));
  const set = [...new Set(codes)].filter((c) => byCode.has(c));
  const seen = new Map(set.map((c, i) => [c, i]));
  const before = new Map(set.map((c) => [c, [...waitsOn(byCode, c)].filter((d) => seen.has(d) && d !== c)]));
  const rank = (c: string) => SYNC_RANK[byCode.get(c)!.categories[0]!] ?? 4;

  // Dependencies first; among what is free, sync order, then the paste's order.
  const ordered: string[] = [];
  const left = new Set(set);
  while (left.size) {
    const free = [...left].filter((c) => before.get(c)!.every((d) => !left.has(d)));
    // A cycle cannot pass the build's checks; if one did, the rest go in sync order.
    const pool = free.length ? free : [...left];
    pool.sort((a, b) => rank(a) - rank(b) || seen.get(a)! - seen.get(b)!);
    ordered.push(pool[0]!);
    left.delete(pool[0]!);
  }

  const steps: FixStep[] = [];
  const host = new Map<string, FixStep>();
  for (const code of ordered) {
    const blockers = before.get(code)!;
    const under = blockers.length
      ? ordered.map((c) => host.get(c)).find((h, i) => h && blockers.includes(ordered[i]!))
      : undefined;
    if (under) {
      under.folded.push(code);
      host.set(code, under);
    } else {
      const step: FixStep = { kind: 'fix', code, folded: [] };
      steps.push(step);
      host.set(code, step);
    }
  }

  const resync = new Map<ResyncRecord, string[]>();
  for (const code of ordered)
    for (const r of byCode.get(code)!.resyncRecords) resync.set(r, [...(resync.get(r) ?? []), code]);
  const resyncSteps: ResyncStep[] = RECORD_ORDER.filter((r) => resync.has(r)).map((record) => ({
    kind: 'resync',
    record,
    codes: resync.get(record)!,
  }));
  return [...steps, ...resyncSteps];
}

/** Every code of a plan, in plan order (folded ones after their step). */
export const planCodes = (plan: readonly PlanStep[]): string[] =>
  plan.flatMap((s) => (s.kind === 'fix' ? [s.code, ...s.folded] : []));

/** The words of a resync step: "Sync the invoices again by hand: …". */
export const resyncStepText = (record: ResyncRecord): string => manualResyncText(record);
export const resyncStepTitle = (record: ResyncRecord): string => `Sync the ${RECORD_PLURALS[record]} again by hand`;

/**
 * The plan as a plain-text reply (for an e-mail or a chat): numbered steps in order, each with
 * the absolute link of its error page (`link(code)`).
 */
export function planText(data: TriageData, plan: readonly PlanStep[], link: (code: string) => string): string {
  const byCode = new Map(data.errors.map((e) => [e.code, e]));
  const title = (c: string) => byCode.get(c)!.title;
  const lines = ['Here is what to fix, in this order:', ''];
  plan.forEach((s, i) => {
    if (s.kind === 'fix') {
      lines.push(`${i + 1}. ${title(s.code)}`, `   ${link(s.code)}`);
      for (const f of s.folded) lines.push(`   This also clears: ${title(f)}`, `   ${link(f)}`);
    } else {
      lines.push(`${i + 1}. ${resyncStepTitle(s.record)}. ${resyncStepText(s.record)}`);
      lines.push(`   (needed after: ${s.codes.map(title).join('; ')})`);
    }
  });
  return lines.join('\n') + '\n';
}
