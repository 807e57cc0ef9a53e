/** The offline export: its time and files. */
import type { Figures } from '../figures.ts';
import { kb, s, table } from './format.ts';

export function exportSection(f: Figures): string {
  const parts: string[] = [];
  parts.push('## Offline export\n');
  if (!f.exported) {
    parts.push(
      table(['figure', 'value'], [['`npm run export`', '**not measured yet**: scripts/export.ts does not exist']]),
    );
  } else {
    const e = f.exported;
    const own = e.own ?? {};
    const num = (k: string) => (typeof own[k] === 'number' ? (own[k] as number) : undefined);
    const pdfs = e.files.filter((x) => x.path.endsWith('.pdf'));
    // PDF page counts, by file name, from the export's own figures.
    const pdfPages = new Map<string, number>();
    for (const x of [own['pdf'], ...((own['categoryPdfs'] as unknown[] | undefined) ?? [])] as (
      { path?: string; pages?: number } | undefined
    )[]) {
      if (x?.path && typeof x.pages === 'number') pdfPages.set(x.path.split(/[\\/]/).pop()!, x.pages);
    }
    parts.push(
      table(
        ['figure', 'value'],
        [
          ['`npm run export`, after the build (whole command)', s(e.seconds)],
          ...e.files
            .filter((x) => x.path.endsWith('.zip'))
            .map((x) => [
              `\`${x.path}\`${num('pages') ? ` (${num('pages')} pages, ${num('files')} files)` : ''}`,
              kb(x.bytes),
            ]),
          ...(num('searchIndexBytes')
            ? [
                [
                  '&nbsp;&nbsp;of which the offline search (index and code, uncompressed)',
                  kb(num('searchIndexBytes')! + (num('searchScriptBytes') ?? 0)),
                ],
              ]
            : []),
          ...pdfs.map((x) => {
            const pages = pdfPages.get(x.path.split(/[\\/]/).pop()!);
            return [`\`${x.path}\``, `${kb(x.bytes)}${pages ? `, ${pages} pages` : ''}`];
          }),
          ['all files', `${e.files.length}, ${kb(e.files.reduce((n, x) => n + x.bytes, 0))}`],
        ],
      ),
    );
  }

  return parts.join('\n');
}
