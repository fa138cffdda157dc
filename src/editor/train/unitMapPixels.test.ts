import { describe, expect, it } from 'vitest';
import { fillUnitMap } from './unitMapPixels';

const colors = { pos: 0x0000ff, neg: 0xff0000, panel: 0x000000 };

describe('a hidden unit heatmap', () => {
  it('colours by sign, scaled by the largest |activation|, with the plane’s bottom row drawn last', () => {
    // A 2 × 2 map after one of 4 other cells: row 0 (bottom) is [-2, 0], row 1 (top) is [1, 2].
    const values = Float32Array.from([9, 9, 9, 9, -2, 0, 1, 2]);
    const out = new Uint8ClampedArray(16);
    expect(fillUnitMap(values, 4, 2, colors, out)).toBe(2);
    // Top row first: 1 → half blue, 2 → full blue.
    expect([...out.subarray(0, 4)]).toEqual([0, 0, 128, 255]);
    expect([...out.subarray(4, 8)]).toEqual([0, 0, 255, 255]);
    // Bottom row: −2 → full orange-red, 0 → the panel colour.
    expect([...out.subarray(8, 12)]).toEqual([255, 0, 0, 255]);
    expect([...out.subarray(12, 16)]).toEqual([0, 0, 0, 255]);
  });

  it('draws a dead unit (all 0) and a broken one (NaN) in the panel colour', () => {
    const out = new Uint8ClampedArray(16);
    expect(fillUnitMap(Float32Array.from([0, 0, NaN, 0]), 0, 2, colors, out)).toBe(0);
    expect([...out].filter((_, i) => i % 4 !== 3).every((b) => b === 0)).toBe(true);
  });

  it('refuses a buffer too small for the map', () => {
    expect(() => fillUnitMap(new Float32Array(4), 0, 2, colors, new Uint8ClampedArray(8))).toThrow(/needs 16 bytes/);
  });
});
