import { describe, expect, it } from 'vitest';
import { DEFAULT_SETUP, datasetsOf } from '../training/setup';
import { axisTicks, createPlotMapping, fillHeatmap, HEATMAP_MAX_ALPHA, plotRangesOf, plotRect } from './plotMapping';

describe('createPlotMapping', () => {
  const mapping = createPlotMapping([-2, 2], [0, 1], plotRect(400, 200));

  it('puts the range corners on the rect corners, y up', () => {
    expect(mapping.toPixel(-2, 0)).toEqual([0, 200]); // bottom-left
    expect(mapping.toPixel(2, 1)).toEqual([400, 0]); // top-right
    expect(mapping.toPixel(0, 0.5)).toEqual([200, 100]);
  });

  it('turns a click back into the data point drawn there', () => {
    for (const [x, y] of [
      [-1.3, 0.25],
      [0, 0],
      [1.99, 0.8],
      [3, -1], // outside the ranges maps outside the rect, and back
    ] as const) {
      const [px, py] = mapping.toPixel(x, y);
      const [bx, by] = mapping.toData(px, py);
      expect(bx).toBeCloseTo(x, 12);
      expect(by).toBeCloseTo(y, 12);
    }
  });

  it('honours an inset rect', () => {
    const inset = createPlotMapping([0, 10], [0, 10], plotRect(120, 120, 10));
    expect(inset.toPixel(0, 0)).toEqual([10, 110]);
    expect(inset.toPixel(10, 10)).toEqual([110, 10]);
    expect(inset.toData(60, 60)).toEqual([5, 5]);
  });

  it('maps an empty range to the middle instead of dividing by zero', () => {
    const flat = createPlotMapping([1, 1], [3, 3], plotRect(100, 50));
    expect(flat.toPixel(1, 3)).toEqual([50, 25]);
    expect(flat.toData(0, 0)).toEqual([1, 3]);
  });
});

describe('plotRangesOf', () => {
  it('frames every point of the setup with a margin', () => {
    const setup = { ...DEFAULT_SETUP, added: [{ x: [5, -4], label: 1 as const }] };
    const [[x0, x1], [y0, y1]] = plotRangesOf(setup);
    for (const [x, y] of datasetsOf(setup).all.x as [number, number][]) {
      expect(x).toBeGreaterThan(x0);
      expect(x).toBeLessThan(x1);
      expect(y).toBeGreaterThan(y0);
      expect(y).toBeLessThan(y1);
    }
  });

  it('gives the same ranges object for the same setup, so redraws can compare references', () => {
    expect(plotRangesOf(DEFAULT_SETUP)).toBe(plotRangesOf(DEFAULT_SETUP));
  });
});

describe('axisTicks', () => {
  it('picks round steps inside the range', () => {
    expect(axisTicks([-1.45, 2.45], 4)).toEqual([-1, 0, 1, 2]);
    expect(axisTicks([0, 1], 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(axisTicks([-0.3, 0.3], 3)).toEqual([-0.2, 0, 0.2]);
  });

  it('returns nothing for an empty or broken range', () => {
    expect(axisTicks([1, 1])).toEqual([]);
    expect(axisTicks([0, Infinity])).toEqual([]);
  });
});

describe('fillHeatmap', () => {
  const BLUE = 0x0080ff;
  const ORANGE = 0xff8000;

  it('colours by sign, stronger for bigger scores, premultiplied', () => {
    // Row 0 is the bottom of the plot: [-3, 0.2], row 1 the top: [0, NaN].
    const out = fillHeatmap(new Float32Array([-3, 0.2, 0, NaN]), 2, BLUE, ORANGE, new Uint8Array(16));
    const px = (i: number) => Array.from(out.slice(i * 4, i * 4 + 4));
    // Texture row 0 is the top: score 0 and NaN are transparent.
    expect(px(0)).toEqual([0, 0, 0, 0]);
    expect(px(1)).toEqual([0, 0, 0, 0]);
    // Bottom-left: strongly negative, nearly the full orange at the maximum alpha.
    const [r, g, b, a] = px(2);
    expect(a).toBeGreaterThan(0.95 * 255 * HEATMAP_MAX_ALPHA);
    expect(a).toBeLessThanOrEqual(Math.round(255 * HEATMAP_MAX_ALPHA));
    expect(b).toBe(0);
    expect(r).toBe(Math.round(0xff * (a! / 255)));
    expect(g! / r!).toBeCloseTo(0x80 / 0xff, 1);
    // Bottom-right: weakly positive, blue, fainter.
    const weak = px(3);
    expect(weak[0]).toBe(0);
    expect(weak[2]).toBeGreaterThan(weak[1]!);
    expect(weak[3]).toBeGreaterThan(0);
    expect(weak[3]).toBeLessThan(a! / 2);
  });

  it('refuses a buffer too small for the grid', () => {
    expect(() => fillHeatmap(new Float32Array(4), 2, BLUE, ORANGE, new Uint8Array(8))).toThrow(RangeError);
  });
});
