/** What one `npm run bench` measures: the figures every section of the report reads. */
import type { BuildFigure } from './builds.ts';
import type { ExportFigure } from './exporter.ts';
import type { LighthouseFigure } from './lighthouse.ts';
import type { Machine } from './machine.ts';
import type { PageFigure } from './pages.ts';
import type { FirstSearch, Latency, SearchAtScale } from './search.ts';
import type { TriageFigure } from './triage.ts';
import type { SetFigure } from '../lib/accuracy.ts';

export interface Figures {
  command: string;
  machine: Machine;
  minutes: number;
  builds: BuildFigure[];
  pages: PageFigure[];
  firstSearch: FirstSearch;
  /** In the header panel, then on the search page. */
  latency: Latency[];
  /** Search on the synthetic catalogs (1,000 and 5,000 errors), smallest first. */
  atScale?: SearchAtScale[];
  exported: ExportFigure | undefined;
  lighthouse: LighthouseFigure[];
  /** Triage (issue 10); absent from runs before it. */
  triage?: TriageFigure;
  /** Search and triage on each query set (issue 19), without the per-query results. */
  accuracy?: Omit<SetFigure, 'results'>[];
}
