/**
 * Column alignment as kubectl's tabwriter does it: every column but the last padded to its widest
 * cell, columns separated by three spaces, no trailing whitespace.
 */

export const COLUMN_GAP = 3;

/** Widths of every column but the last, at least `min` (so later rows can line up with earlier ones). */
export function columnWidths(rows: readonly (readonly string[])[], min: readonly number[] = []): number[] {
  const widths = [...min];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell));
    });
  }
  return widths;
}

/** One line per row, no newline at the end of the last. */
export function alignRows(rows: readonly (readonly string[])[], widths: readonly number[] = columnWidths(rows), gap = COLUMN_GAP): string[] {
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(cell)) + gap)))
      .join('')
      .trimEnd(),
  );
}

/** Aligned text of a header row and data rows, with a final newline. */
export function formatColumns(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return alignRows([header, ...rows]).join('\n') + '\n';
}

function displayWidth(s: string): number {
  return [...s].length;
}
