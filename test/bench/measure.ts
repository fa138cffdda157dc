/**
 * Timing helpers for `npm run bench`. Speed is measured here, never asserted in tests: figures
 * are printed as medians and as ratios against a baseline run in the same process, which is
 * what stays meaningful on a busy two-core machine.
 */

/** One printed figure. */
export interface BenchLine {
  group: string;
  name: string;
  /** Median milliseconds per run (or the figure in `unit`). */
  ms: number;
  /** What `ms` counts when it is not milliseconds, e.g. 'kB'. */
  unit?: string;
  /** Baseline ms / this ms (> 1 is faster than the baseline). */
  speedup?: number;
  /** Anything else worth printing (e.g. 'goal ≤ 2 ms'). */
  note?: string;
}

/** Median wall time of `fn` in ms, after warming up the JIT, over at least `minRuns` runs or `minMs`. */
export async function measure(fn: () => unknown, opts: { warmup?: number; minRuns?: number; minMs?: number } = {}): Promise<number> {
  const warmup = opts.warmup ?? 5;
  const minRuns = opts.minRuns ?? 15;
  const minMs = opts.minMs ?? 1500;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    if (times.length > 100_000) break;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Turns timings into lines, with speedups against the entry marked baseline. */
export function report(group: string, entries: { name: string; ms: number; baseline?: boolean; note?: string }[]): BenchLine[] {
  const base = entries.find((e) => e.baseline);
  return entries.map((e) => ({
    group,
    name: e.name,
    ms: e.ms,
    ...(base && !e.baseline ? { speedup: base.ms / e.ms } : {}),
    ...(e.note ? { note: e.note } : {}),
  }));
}

/** Prints lines as an aligned table, grouped. */
export function print(lines: readonly BenchLine[]): void {
  let group = '';
  for (const l of lines) {
    if (l.group !== group) {
      group = l.group;
      console.log(`\n${group}`);
    }
    const ms = l.ms < 1 ? l.ms.toFixed(4) : l.ms.toFixed(2);
    const ratio = l.speedup === undefined ? '' : `  ${l.speedup.toFixed(2)}x vs baseline`;
    console.log(`  ${l.name.padEnd(48)} ${ms.padStart(10)} ${l.unit ?? 'ms'}${ratio}${l.note ? `  (${l.note})` : ''}`);
  }
}
