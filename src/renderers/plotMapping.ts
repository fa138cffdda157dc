import type { TrainingSetup } from '../document/types';
import { datasetsOf, type Datasets } from '../training/setup';
import { plotRanges } from '../training/worker/TrainingSession';

/**
 * How the data plot places things: data coordinates to canvas pixels and back (y up on screen),
 * and decision-boundary scores to heatmap colours. Pure, so it is tested in Node, and shared by
 * the renderer (which draws) and its React host (which turns a click into a point), so the two
 * can never disagree about where a point is.
 */

/** A closed interval [min, max] of one data axis. */
export type AxisRange = readonly [number, number];

/** The drawing area inside the canvas, in CSS pixels. */
interface PlotRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A data ↔ pixel mapping for one plot size and one pair of ranges. */
export interface PlotMapping {
  xRange: AxisRange;
  yRange: AxisRange;
  rect: PlotRect;
  /** Data (x1, x2) to canvas pixels; x2 grows upwards. */
  toPixel(x: number, y: number): [number, number];
  /** Canvas pixels to data (x1, x2): the inverse of `toPixel`. */
  toData(px: number, py: number): [number, number];
}

/**
 * Pixels kept free around the plot. Zero: the ranges already carry a 15 % margin around the
 * data (see `plotRanges`), so no point sits on the border, and the whole box stays clickable.
 */
const PLOT_INSET = 0;

/** The drawing area of a canvas of `width` × `height` CSS pixels. */
export function plotRect(width: number, height: number, inset = PLOT_INSET): PlotRect {
  return { left: inset, top: inset, width: Math.max(0, width - 2 * inset), height: Math.max(0, height - 2 * inset) };
}

/**
 * Maps `xRange` × `yRange` onto `rect`: xRange[0] at the left edge, yRange[0] at the bottom.
 * An empty range (min = max) maps everything to the rect's middle rather than dividing by zero.
 */
export function createPlotMapping(xRange: AxisRange, yRange: AxisRange, rect: PlotRect): PlotMapping {
  const [x0, x1] = xRange;
  const [y0, y1] = yRange;
  const kx = x1 !== x0 ? rect.width / (x1 - x0) : 0;
  const ky = y1 !== y0 ? rect.height / (y1 - y0) : 0;
  const bottom = rect.top + rect.height;
  return {
    xRange,
    yRange,
    rect,
    toPixel(x, y) {
      const px = kx === 0 ? rect.left + rect.width / 2 : rect.left + (x - x0) * kx;
      const py = ky === 0 ? rect.top + rect.height / 2 : bottom - (y - y0) * ky;
      return [px, py];
    },
    toData(px, py) {
      const x = kx === 0 ? (x0 + x1) / 2 : x0 + (px - rect.left) / kx;
      const y = ky === 0 ? (y0 + y1) / 2 : y0 + (bottom - py) / ky;
      return [x, y];
    },
  };
}

const rangesCache = new WeakMap<Datasets, [AxisRange, AxisRange]>();

/**
 * The plot's ranges for a setup: the extent of all its points with a margin, exactly as the
 * training worker computes the boundary grid's, so a fresh heatmap fills the plot. The plot
 * follows the data rather than the last boundary: after an edit, until the worker sends a new
 * grid, the old heatmap stays where it was computed and the points stay in view.
 */
export function plotRangesOf(setup: TrainingSetup): [AxisRange, AxisRange] {
  const data = datasetsOf(setup);
  const hit = rangesCache.get(data);
  if (hit) return hit;
  const ranges = plotRanges(data.all.x.filter((p) => p.length >= 2));
  rangesCache.set(data, ranges);
  return ranges;
}

/**
 * Round tick values across a range, about `count` of them, at steps of 1, 2 or 5 × 10^k. For the
 * plot's axes; at most 50.
 */
export function axisTicks(range: AxisRange, count = 5): number[] {
  const [min, max] = range;
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) return [];
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const step = (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * power;
  const decimals = Math.min(20, Math.max(0, -Math.floor(Math.log10(step)) + 1));
  const out: number[] = [];
  for (let i = Math.ceil(min / step - 1e-9); i <= Math.floor(max / step + 1e-9) && out.length < 50; i++) {
    out.push(Number((i * step).toFixed(decimals)) + 0); // + 0 turns −0 into 0
  }
  return out;
}

/** Strongest heatmap opacity: the points on top must stay readable. */
export const HEATMAP_MAX_ALPHA = 0.62;
/** Scores are squashed with tanh(k·|score|): a tanh output of ±1 then shows almost full colour. */
const HEATMAP_SHARPNESS = 1.5;

/**
 * Writes the heatmap for a size × size grid of scores into `out` as premultiplied RGBA bytes,
 * ready to upload as a texture. A cell takes the `pos` colour (0xRRGGBB) where the score is
 * positive, `neg` where negative, with an opacity growing with |score|, so the boundary (score
 * 0) shows as a fade and confident regions as solid colour. The grid's row 0 is the bottom of
 * the plot (yRange[0]) but a texture's row 0 is its top, so rows are flipped. A score that is
 * not a number leaves its cell transparent.
 */
export function fillHeatmap(scores: ArrayLike<number>, size: number, pos: number, neg: number, out: Uint8Array): Uint8Array {
  if (out.length < size * size * 4) throw new RangeError(`a ${size}×${size} heatmap needs ${size * size * 4} bytes, got ${out.length}`);
  const pr = (pos >> 16) & 0xff;
  const pg = (pos >> 8) & 0xff;
  const pb = pos & 0xff;
  const nr = (neg >> 16) & 0xff;
  const ng = (neg >> 8) & 0xff;
  const nb = neg & 0xff;
  for (let row = 0; row < size; row++) {
    const src = (size - 1 - row) * size;
    let o = row * size * 4;
    for (let col = 0; col < size; col++, o += 4) {
      const s = scores[src + col] as number;
      const a = Number.isNaN(s) ? 0 : HEATMAP_MAX_ALPHA * Math.tanh(HEATMAP_SHARPNESS * Math.abs(s));
      const positive = s > 0;
      out[o] = Math.round((positive ? pr : nr) * a);
      out[o + 1] = Math.round((positive ? pg : ng) * a);
      out[o + 2] = Math.round((positive ? pb : nb) * a);
      out[o + 3] = Math.round(255 * a);
    }
  }
  return out;
}
