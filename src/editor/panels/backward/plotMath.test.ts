import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINUS } from '../../formatNumber';
import { clipSegment, curvePieces, hFromSlider, pathData, roundSig, scale, sliderFromH, tickLabel, ticks, tickStep, yRange, type Point } from './plotMath';

describe('scale', () => {
  it('maps a domain onto pixels, including upside down for y', () => {
    const sy = scale({ min: 0, max: 10 }, { min: 200, max: 0 });
    expect(sy(0)).toBe(200);
    expect(sy(10)).toBe(0);
    expect(sy(2.5)).toBe(150);
  });
  it('does not divide by zero for an empty domain', () => {
    expect(scale({ min: 1, max: 1 }, { min: 0, max: 100 })(1)).toBe(0);
  });
});

describe('yRange', () => {
  it('covers every sample and every included value, padded', () => {
    const r = yRange([0, 5, 10], [12])!;
    expect(r.min).toBeLessThan(0);
    expect(r.max).toBeGreaterThan(12);
  });
  it('ignores non-finite samples, and is null when nothing is finite', () => {
    const r = yRange([NaN, 1, Infinity, 3, -Infinity])!;
    expect(r.min).toBeLessThan(1);
    expect(r.max).toBeGreaterThan(3);
    expect(r.max).toBeLessThan(4);
    expect(yRange([NaN, Infinity])).toBeNull();
  });
  it('widens a flat line', () => {
    expect(yRange([2, 2, 2])).toEqual({ min: 1.8, max: 2.2 });
    expect(yRange([0, 0])).toEqual({ min: -1, max: 1 });
  });
  it('follows the bulk of the curve when a pole runs off', () => {
    const xs = Array.from({ length: 201 }, (_, i) => -5 + i * 0.05 + 1e-13);
    const ys = xs.map((x) => 1 / x);
    const r = yRange(ys)!;
    // One sample lands a hair from 0, where 1/x is about 1e13; the view stays within a few units.
    expect(Math.max(...ys)).toBeGreaterThan(1e12);
    expect(r.max).toBeLessThan(30);
    expect(r.min).toBeGreaterThan(-30);
  });
});

describe('ticks', () => {
  it('picks 1-2-5 steps', () => {
    expect(tickStep({ min: 0, max: 10 }, 5)).toBe(2);
    expect(tickStep({ min: -2, max: 8 }, 5)).toBe(2);
    expect(tickStep({ min: 0, max: 0.01 }, 5)).toBe(0.002);
    expect(tickStep({ min: 0, max: 170 }, 4)).toBe(50);
  });
  it('gives round values inside the range, without float dust or negative zero', () => {
    expect(ticks({ min: -2.3, max: 8.1 }, 5)).toEqual([-2, 0, 2, 4, 6, 8]);
    expect(ticks({ min: 0.05, max: 0.35 }, 3)).toEqual([0.1, 0.2, 0.3]);
    for (const t of ticks({ min: -1, max: 1 }, 4)) expect(Object.is(t, -0)).toBe(false);
  });
  it('labels ticks with the decimals the step needs', () => {
    expect(tickLabel(0, 1)).toBe('0');
    expect(tickLabel(-2, 2)).toBe(`${MINUS}2`);
    expect(tickLabel(0.3, 0.1)).toBe('0.3');
    expect(tickLabel(0.25, 0.05)).toBe('0.25');
    expect(tickLabel(200000, 100000)).toBe('2e+5');
  });
  it('always lands inside the range (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (min, width) => {
        const range = { min, max: min + width };
        const ts = ticks(range, 5);
        expect(ts.length).toBeLessThanOrEqual(50);
        for (const t of ts) {
          expect(t).toBeGreaterThanOrEqual(range.min - width * 1e-6);
          expect(t).toBeLessThanOrEqual(range.max + width * 1e-6);
        }
      }),
    );
  });
});

describe('clipSegment', () => {
  it('keeps a segment inside the band as is', () => {
    const p: Point = [0, 1];
    const q: Point = [1, 2];
    const seg = clipSegment(p, q, 0, 3)!;
    expect(seg[0]).toBe(p);
    expect(seg[1]).toBe(q);
  });
  it('cuts where the segment leaves the band', () => {
    expect(clipSegment([0, 0], [1, 10], 0, 5)).toEqual([[0, 0], [0.5, 5]]);
    expect(clipSegment([0, -10], [2, 10], -5, 5)).toEqual([[0.5, -5], [1.5, 5]]);
  });
  it('drops a segment wholly outside', () => {
    expect(clipSegment([0, 6], [1, 9], 0, 5)).toBeNull();
    expect(clipSegment([0, 6], [1, 6], 0, 5)).toBeNull();
  });
});

describe('curvePieces and pathData', () => {
  it('draws an unbroken curve as one piece', () => {
    const pieces = curvePieces([0, 1, 2], [0, 1, 4], -1, 5);
    expect(pieces).toHaveLength(1);
    expect(pathData(pieces)).toBe('M0 0L1 1L2 4');
  });
  it('breaks the path at NaN and ±Infinity samples', () => {
    const pieces = curvePieces([0, 1, 2, 3, 4, 5, 6], [0, 1, NaN, 3, 4, Infinity, 6], -10, 10);
    expect(pieces).toEqual([
      [
        [0, 0],
        [1, 1],
      ],
      [
        [3, 3],
        [4, 4],
      ],
    ]);
    expect(pathData(pieces)).toBe('M0 0L1 1M3 3L4 4');
  });
  it('breaks where the curve leaves the band and starts again where it comes back', () => {
    const pieces = curvePieces([0, 1, 2, 3, 4], [0, 2, 8, 2, 0], -1, 4);
    expect(pieces).toHaveLength(2);
    expect(pieces[0]!.at(-1)).toEqual([1 + 2 / 6, 4]);
    expect(pieces[1]![0]).toEqual([3 - 2 / 6, 4]);
  });
  it('does not join across a pole', () => {
    // 1/x sampled either side of 0: +big then −big in one step.
    const pieces = curvePieces([-0.2, -0.1, 0.1, 0.2], [-5, -10, 10, 5], -6, 6);
    const path = pathData(pieces);
    expect(pieces).toHaveLength(2);
    expect(path.match(/M/g)).toHaveLength(2);
  });
  it('yields nothing from nothing', () => {
    expect(curvePieces([], [], 0, 1)).toEqual([]);
    expect(curvePieces([0, 1], [NaN, NaN], 0, 1)).toEqual([]);
    expect(pathData([])).toBe('');
  });
  it('rounds to two decimals', () => {
    expect(pathData([[[0.123456, 1.98765], [2, 3]]])).toBe('M0.12 1.99L2 3');
  });
});

describe('the h slider', () => {
  it('is logarithmic, rounding h to two significant digits', () => {
    expect(hFromSlider(-3)).toBe(0.001);
    expect(hFromSlider(Math.log10(0.25))).toBe(0.25);
    expect(hFromSlider(-0.6)).toBe(0.25);
    expect(hFromSlider(0)).toBe(1);
    expect(hFromSlider(99)).toBe(2);
  });
  it('goes back and forth', () => {
    expect(hFromSlider(sliderFromH(0.25))).toBe(0.25);
    expect(sliderFromH(0)).toBe(-3);
    expect(sliderFromH(1e-9)).toBe(-3);
    expect(roundSig(0.25118, 2)).toBe(0.25);
    expect(roundSig(0, 2)).toBe(0);
  });
});
