/** Formatting shared by the report's sections. */
export const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
export const s = (x: number) => `${x.toFixed(1)} s`;
export const ms = (x: number) => `${Math.round(x)} ms`;
export const pct = (n: number, of: number) => `${Math.round((100 * n) / of)}%`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
export const table = (head: string[], rows: (string | number)[][]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
