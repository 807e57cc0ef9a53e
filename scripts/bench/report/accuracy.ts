/** Search and triage on the query sets (scripts/lib/accuracy.ts): today's, and the real dev and held-out sets. */
import type { Figures } from '../figures.ts';
import { pct, table } from './format.ts';

const ABOUT = {
  today: "today's set (tests/search-queries.json), written beside the content",
  dev: 'real dev set (tests/real-queries/dev.json), tuned on',
  holdout: 'real held-out set (tests/real-queries/holdout.json), never tuned on',
} as const;

export function accuracySection(f: Figures): string {
  if (!f.accuracy?.length) return '';
  return [
    '## Search and triage on the query sets\n',
    table(
      [
        'query set',
        'queries',
        'search: right page first',
        'search: main page in the top three',
        'triage: right answer',
        'triage: "likely" or surer of a wrong page',
      ],
      f.accuracy.map((a) => [
        ABOUT[a.set],
        String(a.queries),
        `${a.first} (${pct(a.first, a.queries)})`,
        `${a.top3} (${pct(a.top3, a.queries)})`,
        `${a.triageRight} (${pct(a.triageRight, a.queries)})`,
        String(a.triageConfidentlyWrong),
      ]),
    ),
    '\nSearch is the ranker on the complete data of the built site, which the site and the offline copy rank on alike (tests/e2e/agreement.spec.ts runs every set in both); triage is recognise() on the built triage data. The real sets are real text from public pages the content does not cite, split at random by page; a right triage answer is its surest finding, or a choice naming the main page, or the expected fault code\'s page (README, "Measuring search honestly").',
  ].join('\n');
}
