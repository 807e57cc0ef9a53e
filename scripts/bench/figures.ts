/** What one `npm run bench` measures: the figures every section of the report reads. */
import type { BuildFigure } from './builds.ts';
import type { ExportFigure } from './exporter.ts';
import type { LighthouseFigure } from './lighthouse.ts';
import type { Machine } from './machine.ts';
import type { PageFigure } from './pages.ts';
import type { FirstSearch, Latency } from './search.ts';

export interface Figures {
  command: string;
  machine: Machine;
  minutes: number;
  builds: BuildFigure[];
  pages: PageFigure[];
  firstSearch: FirstSearch;
  /** In the header panel, then on the search page. */
  latency: Latency[];
  exported: ExportFigure | undefined;
  lighthouse: LighthouseFigure[];
}
