/**
 * The "How to fix" steps of an error as plain text, from the MDX source: for the customer's
 * reply (src/lib/build/replies.ts), the JSON-LD HowTo and errors.json. Markdown emphasis and link targets are dropped
 * and
 * the <ManualResync> component becomes its sentence.
 */
import { MANUAL_RESYNC_TAG, manualResyncText, type ResyncRecord } from '../shared/resync.ts';
import { section } from '../content/validate.ts';

/** Markdown inline syntax to plain text. */
export function plainText(markdown: string): string {
  return markdown
    .replace(MANUAL_RESYNC_TAG, (_, r: ResyncRecord) => manualResyncText(r))
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The numbered steps under "## How to fix"; sub-bullets of a step follow it as "- …" lines. */
export function fixSteps(body: string): string[] {
  const steps: { head: string[]; bullets: string[] }[] = [];
  for (const line of (section(body, 'How to fix') ?? '').split(/\r?\n/)) {
    const step = /^\d+[.)]\s+(.*)$/.exec(line);
    const bullet = /^\s+[-*+]\s+(.*)$/.exec(line);
    if (step) steps.push({ head: [step[1]!], bullets: [] });
    else if (!steps.length) continue;
    else if (bullet) steps.at(-1)!.bullets.push(bullet[1]!);
    else if (/^\s+\S/.test(line)) {
      const last = steps.at(-1)!;
      if (last.bullets.length) last.bullets[last.bullets.length - 1] += ` ${line.trim()}`;
      else last.head.push(line.trim());
    } else if (line.trim()) break; // a paragraph after the list ends it
  }
  return steps.map((s) => [plainText(s.head.join(' ')), ...s.bullets.map((b) => `- ${plainText(b)}`)].join('\n'));
}
