/** The benchmark's result table: each figure, its target and PASS/MISS. */

export interface Row {
  name: string;
  value: string;
  target?: string;
  /** undefined: a baseline or information-only figure */
  pass?: boolean;
}

export function renderTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [r.name, r.value, r.target ?? '', r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS']);
  const head = ['figure', 'measured', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => c.map((s, i) => s.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** Progress lines go to stderr, so stdout carries only the result table. */
// with a CPU profile being taken, each line carries the monotonic clock in µs (the profiles' time base) to slice them by phase
const stamp = (): string => (process.env.BENCH_CPU_PROF ? ` @${process.hrtime.bigint() / 1000n}` : '');
export const log = (msg: string): void => void process.stderr.write(`[bench${stamp()}] ${msg}\n`);
