/**
 * BENCHMARKS.md from the figures of one `npm run bench`. Everything in it is generated except
 * the notes between the NOTES markers, which are carried over from the previous file, so that
 * hand-written analysis survives a new run.
 */
import type { Figures } from './figures.ts';
import { accuracySection } from './report/accuracy.ts';
import { anchorSection } from './report/anchor.ts';
import { buildsSection } from './report/builds.ts';
import { exportSection } from './report/export.ts';
import { lighthouseSection } from './report/lighthouse.ts';
import { searchSection } from './report/search.ts';
import { triageSection } from './report/triage.ts';
import { visitsSection } from './report/visits.ts';

export type { Figures } from './figures.ts';

/**
 * The sections of the report, in order: each one reads the figures and writes its Markdown. To
 * report a new measurement, add it to Figures (figures.ts) and a section here.
 */
const SECTIONS: readonly ((f: Figures) => string)[] = [
  anchorSection,
  buildsSection,
  visitsSection,
  searchSection,
  accuracySection,
  triageSection,
  exportSection,
  lighthouseSection,
];

export const tables = (f: Figures): string => SECTIONS.map((section) => section(f)).join('\n\n');

export const NOTES_START = '<!-- NOTES: kept by npm run bench -->';
export const NOTES_END = '<!-- /NOTES -->';

export function renderMarkdown(f: Figures, previous: string | undefined): string {
  const m = f.machine;
  const notesAt = previous?.indexOf(NOTES_START) ?? -1;
  const notesEnd = previous?.indexOf(NOTES_END) ?? -1;
  const notes =
    previous && notesAt >= 0 && notesEnd > notesAt
      ? previous.slice(notesAt, notesEnd + NOTES_END.length)
      : `${NOTES_START}\n${NOTES_END}`;
  const busy =
    Math.max(m.loadStart, m.loadEnd) > m.cores
      ? ' (more than the cores: the machine was busy with other work, which wall times include and CPU times much less)'
      : '';
  return `# Benchmarks

Written by \`${f.command}\` (scripts/bench.ts) on ${m.date}, in ${f.minutes.toFixed(1)} minutes. Do not edit the figures by hand: run it again.

Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}; Node ${m.node}; Chromium ${m.chromium}. One-minute load average at the start and the end of the run: ${m.loadStart.toFixed(1)} and ${m.loadEnd.toFixed(1)}${busy}.

${tables(f)}

## Notes

${notes}

## How it is measured

- The site is built and served from a snapshot of the project (scripts/lib/project.ts), so the run neither disturbs nor is disturbed by other builds of the checkout. Pages are served by a small static server with gzip (scripts/lib/server.ts), as a production host would serve them.
- Bytes are gzipped response bodies (scripts/lib/transfer.ts, shared with the budget tests); requests are every response a page and its workers received, in a fresh browser context (empty cache).
- The error and category pages measured are the largest ones (by HTML size) of the real catalog.
- Search timings use headless Chromium on the built site; a query goes into the box (the search page's, or the header panel's) as one input event (as the last keystroke, or a paste), and the clock stops when the first result link is in the page (the structured ranker's), and again when the full results are (ranked on the complete data, with Pagefind's excerpts: the search page no longer busy, the panel's status line spoken). The first search's downloads up to its first result are those the page had received by then (Resource Timing).
`;
}
