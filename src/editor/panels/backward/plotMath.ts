import { MINUS } from '../../formatNumber';

/**
 * The arithmetic behind FunctionPlot: ranges, ticks, scales and SVG paths that break where the
 * function does (NaN, ±Infinity, a pole). Pure, so it is tested in Node.
 */

export interface Range {
  min: number;
  max: number;
}

/** A linear map from a data range onto a pixel range (the pixel range may run backwards). */
export function scale(domain: Range, range: Range): (v: number) => number {
  const span = domain.max - domain.min;
  const k = span === 0 ? 0 : (range.max - range.min) / span;
  return (v) => range.min + (v - domain.min) * k;
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * The y range to show: every finite sample and every `include` value, padded a little. When a
 * few samples run off far beyond the rest (a pole, an exp blowing up), the range follows the
 * bulk of the curve (5th to 95th percentile) so the shape near x0 stays readable; the
 * runaway parts are clipped. Null when there is nothing finite to show.
 */
export function yRange(ys: readonly number[], include: readonly number[] = [], pad = 0.08): Range | null {
  const finite = ys.filter(Number.isFinite).sort((a, b) => a - b);
  const extra = include.filter(Number.isFinite);
  if (finite.length === 0 && extra.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  if (finite.length > 0) {
    min = finite[0]!;
    max = finite[finite.length - 1]!;
    const lo = quantile(finite, 0.05);
    const hi = quantile(finite, 0.95);
    if (hi > lo && max - min > 20 * (hi - lo)) {
      min = lo - 0.25 * (hi - lo);
      max = hi + 0.25 * (hi - lo);
    }
  }
  for (const v of extra) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (max === min) {
    const d = Math.abs(min) * 0.1 || 1;
    return { min: min - d, max: max + d };
  }
  const d = (max - min) * pad;
  return { min: min - d, max: max + d };
}

/** Tick step of 1, 2 or 5 × 10^k giving about `count` ticks across the range. */
export function tickStep(range: Range, count = 5): number {
  const span = range.max - range.min;
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * power;
}

/** Round tick values inside the range. */
export function ticks(range: Range, count = 5): number[] {
  const step = tickStep(range, count);
  const first = Math.ceil(range.min / step - 1e-9);
  const last = Math.floor(range.max / step + 1e-9);
  // Enough decimals to kill float dust (0.30000000000000004) without moving a tick off the step.
  const decimals = Math.min(20, Math.max(0, 1 - Math.floor(Math.log10(step))));
  const out: number[] = [];
  for (let i = first; i <= last && out.length < 50; i++) {
    const t = Number((i * step).toFixed(decimals)) + 0; // + 0 turns −0 into 0
    // Far from 0 a tick on the edge can land an ulp outside the range (1e6 + 1e-6 is not exact):
    // such a tick is dropped rather than drawn outside the plot.
    if (t >= range.min && t <= range.max) out.push(t);
  }
  return out;
}

/** A tick's label: as many decimals as the step needs, true minus, compact when huge or tiny. */
export function tickLabel(v: number, step: number): string {
  if (v === 0) return '0';
  const abs = Math.abs(v);
  let text: string;
  if (abs >= 1e5 || step < 1e-4) {
    text = abs.toExponential(Math.max(0, Math.min(3, Math.round(Math.log10(abs) - Math.log10(step))))).replace(/\.?0+e/, 'e');
  } else {
    const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
    text = abs.toFixed(decimals);
  }
  return v < 0 ? `${MINUS}${text}` : text;
}

export type Point = readonly [number, number];

/**
 * Clips the segment p→q to yLo ≤ y ≤ yHi. Returns the visible part, or null when none is.
 */
export function clipSegment(p: Point, q: Point, yLo: number, yHi: number): [Point, Point] | null {
  const [x1, y1] = p;
  const [x2, y2] = q;
  let t0 = 0;
  let t1 = 1;
  const dy = y2 - y1;
  for (const [edge, inside] of [
    [yLo, true],
    [yHi, false],
  ] as const) {
    // inside=true: y >= edge; inside=false: y <= edge.
    const pv = inside ? -dy : dy;
    const qv = inside ? y1 - edge : edge - y1;
    if (pv === 0) {
      if (qv < 0) return null;
      continue;
    }
    const r = qv / pv;
    if (pv < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return null;
  }
  const at = (t: number): Point => [x1 + (x2 - x1) * t, y1 + dy * t];
  return [t0 === 0 ? p : at(t0), t1 === 1 ? q : at(t1)];
}

/**
 * The polylines of a sampled curve inside yLo..yHi, in data coordinates. A new piece starts
 * after a NaN or ±Infinity sample, where the curve leaves the band, and across a jump from far
 * above to far below (or back) in one sample, which is a pole, not a steep stretch worth
 * drawing as a vertical line.
 */
export function curvePieces(xs: readonly number[], ys: readonly number[], yLo: number, yHi: number): Point[][] {
  const pieces: Point[][] = [];
  let current: Point[] | null = null;
  const close = () => {
    if (current && current.length > 1) pieces.push(current);
    current = null;
  };
  const n = Math.min(xs.length, ys.length);
  for (let i = 1; i < n; i++) {
    const p: Point = [xs[i - 1]!, ys[i - 1]!];
    const q: Point = [xs[i]!, ys[i]!];
    if (![p[0], p[1], q[0], q[1]].every(Number.isFinite)) {
      close();
      continue;
    }
    const jumpsAcross = (p[1] > yHi && q[1] < yLo) || (p[1] < yLo && q[1] > yHi);
    const seg = jumpsAcross ? null : clipSegment(p, q, yLo, yHi);
    if (!seg) {
      close();
      continue;
    }
    const [a, b] = seg;
    if (current === null || a !== p) {
      close();
      current = [a];
    }
    (current as Point[]).push(b);
    if (b !== q) close();
  }
  close();
  return pieces;
}

/** SVG path data for pieces already mapped to pixels: "M x y L x y … M …", two decimals. */
export function pathData(pieces: readonly (readonly Point[])[]): string {
  const r = (v: number) => String(Math.round(v * 100) / 100);
  return pieces
    .filter((piece) => piece.length > 1)
    .map((piece) => piece.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${r(x)} ${r(y)}`).join(''))
    .join('');
}

/** `x` rounded to `n` significant digits (0.2512 → 0.25 for n = 2). */
export function roundSig(x: number, n = 2): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(n));
}

/** The h slider is logarithmic: position p means h = 10^p, rounded to two significant digits. */
export const H_SLIDER = { min: -3, max: 0.3, step: 0.02 } as const;

export function hFromSlider(p: number): number {
  return roundSig(10 ** Math.min(H_SLIDER.max, Math.max(H_SLIDER.min, p)), 2);
}

export function sliderFromH(h: number): number {
  if (!(h > 0)) return H_SLIDER.min;
  return Math.min(H_SLIDER.max, Math.max(H_SLIDER.min, Math.log10(h)));
}
