/**
 * The line model of kubectl's describers: a line is either a heading (`Containers:`) or a
 * `key: value` pair at some indent. Like kubectl's tabwriter (padding 2), every run of consecutive
 * pairs shares one value column; a heading ends the run.
 */
import { alignRows } from './columns.js';

export type DescribeLine = { text: string } | { label: string; value: string; indent: number };

const INDENT = '  ';
const GAP = 2;

export const heading = (text: string, indent = 0): DescribeLine => ({ text: INDENT.repeat(indent) + text });
export const pair = (key: string, value: string | number | undefined, indent = 0): DescribeLine => ({
  label: `${key}:`,
  value: value === undefined || value === '' ? '<none>' : String(value),
  indent,
});

/** Two table cells without a colon (the Conditions table). */
export const cells = (first: string, second: string, indent = 0): DescribeLine => ({ label: first, value: second, indent });

/** `Key:  first` and further values beneath, at the same column (Labels, Command, IPs). */
export function list(key: string, values: readonly string[], indent = 0): DescribeLine[] {
  if (values.length === 0) return [pair(key, '<none>', indent)];
  return values.map((v, i) => (i === 0 ? pair(key, v, indent) : cells('', v, indent)));
}

export function renderLines(lines: readonly DescribeLine[]): string[] {
  const out: string[] = [];
  let run: string[][] = [];
  const flush = (): void => {
    if (run.length > 0) out.push(...alignRows(run, undefined, GAP));
    run = [];
  };
  for (const line of lines) {
    if ('text' in line) {
      flush();
      out.push(line.text);
    } else {
      run.push([INDENT.repeat(line.indent) + line.label, line.value]);
    }
  }
  flush();
  return out;
}

/** Go's time.RFC1123Z, as kubectl prints Start Time, Started and Finished. */
export function describeTime(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return t.toUTCString().replace(/GMT$/, '+0000');
}
