/**
 * The recogniser of search and triage for <qbo-sync-help message="…"> (src/client/embed/component.ts),
 * a module the component imports on first use: it reads the triage data beside it
 * (/triage-data.json) and says which error the message is, or the errors it can mean.
 */
import { recognise, triageIndex, type TriageIndex } from '../../lib/shared/triage/recognise.ts';
import type { TriageData } from '../../lib/shared/triage/data.ts';

export interface MessageMatch {
  /** The error, when one stands out. */
  code?: string;
  /** The errors it can mean, when several do. */
  options: string[];
  /** The fault code it carries, when no error stands out. */
  fault?: string;
}

let index: Promise<TriageIndex> | undefined;
const RANK = { exact: 0, high: 1, medium: 2, low: 3 } as const;

export async function match(message: string): Promise<MessageMatch> {
  index ??= fetch(new URL('../triage-data.json', import.meta.url))
    .then((r) => r.json() as Promise<TriageData>)
    .then(triageIndex);
  const t = recognise(await index, message);
  const found = [...t.found].sort((a, b) => RANK[a.confidence] - RANK[b.confidence] || b.count - a.count);
  // A low guess is no answer: the card would be confidently wrong.
  if (found[0] && found[0].confidence !== 'low') return { code: found[0].code, options: [] };
  if (t.choices[0])
    return { options: t.choices[0].options, ...(t.choices[0].faultCode && { fault: t.choices[0].faultCode }) };
  if (t.faultFindings[0]) return { options: [], fault: t.faultFindings[0].code };
  return { options: found.map((f) => f.code).slice(0, 3) };
}
