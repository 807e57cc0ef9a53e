/** Triage (issue 10): paste to plan, and what it adds to an error page's first visit. */
import type { Figures } from '../figures.ts';
import { triageRows } from '../triage.ts';
import { table } from './format.ts';

export function triageSection(f: Figures): string {
  if (!f.triage) return '## Triage\n\nNot measured.';
  return ['## Triage\n', table(['figure', 'value'], triageRows(f.triage))].join('\n');
}
