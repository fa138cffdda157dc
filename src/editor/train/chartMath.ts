/**
 * The arithmetic behind the training curves: thinning 2,000 points to a few hundred without
 * losing spikes, a log scale for the loss (which falls through decades), and how the numbers
 * print. Pure, so it is tested in Node; TrainingCharts only lays the strings out.
 */

/** A closed interval of data values. */
export interface Domain {
  min: number;
  max: number;
}

/**
 * Indices of the points to draw so that at most about `target` remain: the first and the last
 * always, and from each bucket of the ones between, its lowest and highest finite value (in
 * their original order). Unlike taking every k-th point, this keeps the envelope of a noisy
 * minibatch loss and never hides a spike. A bucket with no finite value keeps one index, so a
 * gap in the curve (NaN) stays a gap. Returns every index when there are few enough already.
 */
export function downsampleIndices(n: number, target: number, valueAt: (i: number) => number): number[] {
  if (n <= Math.max(2, target)) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [0];
  const inner = n - 2;
  const buckets = Math.max(1, Math.floor((target - 2) / 2));
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    let lo = -1;
    let hi = -1;
    for (let i = start; i < end; i++) {
      const v = valueAt(i);
      if (!Number.isFinite(v)) continue;
      if (lo < 0 || v < valueAt(lo)) lo = i;
      if (hi < 0 || v > valueAt(hi)) hi = i;
    }
    if (lo < 0) {
      if (end > start) out.push(start);
    } else if (lo === hi) {
      out.push(lo);
    } else {
      out.push(Math.min(lo, hi), Math.max(lo, hi));
    }
  }
  out.push(n - 1);
  return out;
}

/** `points` thinned by {@link downsampleIndices} on the value `valueOf` reads. */
export function downsample<T>(points: readonly T[], target: number, valueOf: (p: T) => number): T[] {
  if (points.length <= target) return points.slice();
  return downsampleIndices(points.length, target, (i) => valueOf(points[i] as T)).map((i) => points[i] as T);
}

/**
 * The loss axis: from the decade below the smallest positive finite value to the decade above
 * the largest. Snapping to whole decades keeps the axis still while the curve moves 30 times a
 * second; it only jumps when the loss crosses a power of ten. Null when nothing is positive.
 */
export function logDomain(values: Iterable<number>): Domain | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return null;
  // A tiny tolerance so 0.1 (log10 = −0.9999…) counts as its own decade, not the one below.
  let lo = Math.floor(Math.log10(min) + 1e-9);
  let hi = Math.ceil(Math.log10(max) - 1e-9);
  if (hi <= lo) hi = lo + 1;
  // Denormal-range losses would give 10^-320; no loss worth plotting lives there.
  lo = Math.max(lo, -300);
  hi = Math.min(Math.max(hi, lo + 1), 300);
  return { min: 10 ** lo, max: 10 ** hi };
}

/**
 * Ticks of a log axis: the powers of ten in the domain, every other one (or sparser) past six
 * decades; within a single decade the 2× and 5× steps too, so there is always something to read.
 */
export function logTicks(domain: Domain): number[] {
  if (!(domain.min > 0) || !(domain.max > domain.min)) return [];
  const lo = Math.ceil(Math.log10(domain.min) - 1e-9);
  const hi = Math.floor(Math.log10(domain.max) + 1e-9);
  const decades = hi - lo;
  if (decades <= 1) {
    const out: number[] = [];
    for (let e = lo - 1; e <= hi; e++) {
      for (const m of [1, 2, 5]) {
        const v = Number((m * 10 ** e).toPrecision(12));
        if (v >= domain.min * (1 - 1e-9) && v <= domain.max * (1 + 1e-9)) out.push(v);
      }
    }
    return out;
  }
  const every = Math.ceil(decades / 6);
  const out: number[] = [];
  for (let e = hi; e >= lo; e -= every) out.unshift(Number((10 ** e).toPrecision(12)));
  return out;
}

/** A linear map from `domain` onto the pixel interval [from, to] (which may run backwards). */
export function linearScale(domain: Domain, from: number, to: number): (v: number) => number {
  const span = domain.max - domain.min;
  const k = span === 0 ? 0 : (to - from) / span;
  return (v) => from + (v - domain.min) * k;
}

/**
 * A log map from `domain` (positive) onto [from, to]. Values at or below zero land on the
 * bottom of the axis (a loss of exactly 0 is a perfect fit, not a gap); NaN stays NaN.
 */
export function logScale(domain: Domain, from: number, to: number): (v: number) => number {
  const l0 = Math.log10(domain.min);
  const span = Math.log10(domain.max) - l0;
  const k = span === 0 ? 0 : (to - from) / span;
  return (v) => {
    if (Number.isNaN(v)) return NaN;
    const clamped = Math.min(Math.max(v, domain.min), domain.max);
    return from + (Math.log10(clamped) - l0) * k;
  };
}

/** SVG path data through pixel points, one decimal; a non-finite point breaks the line. */
export function linePath(xs: readonly number[], ys: readonly number[]): string {
  let d = '';
  let pen = false;
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${Math.round(x * 10) / 10} ${Math.round(y * 10) / 10}`;
    pen = true;
  }
  return d;
}

/** An accuracy (a fraction) as people read it: 0.975 → "97.5 %"; no data → "—". */
export function formatPercent(fraction: number | undefined): string {
  if (fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(1)} %`;
}

/** A loss with four significant digits, exponent form when tiny or huge; no data → "—". */
export function formatLoss(loss: number | undefined): string {
  if (loss === undefined || Number.isNaN(loss)) return '—';
  if (!Number.isFinite(loss)) return loss > 0 ? '∞' : '−∞';
  if (loss === 0) return '0';
  const abs = Math.abs(loss);
  const text = abs < 1e-3 || abs >= 1e5 ? abs.toExponential(2) : abs.toPrecision(4);
  return loss < 0 ? `\u2212${text}` : text;
}

/** A log-axis tick label: 1, 0.1, 0.01, 0.002 as decimals; 1e-4 and beyond as powers. */
export function formatLogTick(v: number): string {
  if (v >= 1e-3 && v < 1e5) return String(Number(v.toPrecision(6)));
  return v.toExponential(0);
}

/** A step count on the x axis: 950, 12k, 1.5M. */
export function formatStep(step: number): string {
  const abs = Math.abs(step);
  if (abs < 1000) return String(Math.round(step));
  if (abs < 1e6) return `${Number((step / 1000).toPrecision(3))}k`;
  return `${Number((step / 1e6).toPrecision(3))}M`;
}
