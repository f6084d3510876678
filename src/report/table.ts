// Plain-text tables for `maand cat …`: a header row, columns padded to the widest cell.

export type Cell = string | number | bigint | null | undefined;

export function cellText(v: Cell): string {
  return v === null || v === undefined ? '' : String(v);
}

export function renderTable(columns: string[], rows: Cell[][]): string {
  const text = rows.map((r) => r.map(cellText));
  const widths = columns.map((c, i) => Math.max(c.length, ...text.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(columns.map((c) => c.toUpperCase())), ...text.map(line)].join('\n') + '\n';
}
