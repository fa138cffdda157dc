import { describe, expect, it } from 'vitest';
import { makeBlobs } from './blobs';
import type { Dataset, Label } from './types';

function stats(d: Dataset, label: Label, k: number): { mean: number; sd: number } {
  const v = d.x.filter((_, i) => d.y[i] === label).map((row) => row[k] as number);
  const mean = v.reduce((s, a) => s + a, 0) / v.length;
  const sd = Math.sqrt(v.reduce((s, a) => s + (a - mean) ** 2, 0) / v.length);
  return { mean, sd };
}

describe('makeBlobs', () => {
  it('centres -1 at (-1, -1) and +1 at (1, 1) by default, with noise as the spread', () => {
    const d = makeBlobs({ n: 4000, noise: 0.5, seed: 9 });
    for (const [label, centre] of [[-1, -1], [1, 1]] as const) {
      for (const k of [0, 1]) {
        const { mean, sd } = stats(d, label, k);
        expect(Math.abs(mean - centre)).toBeLessThan(0.04);
        expect(Math.abs(sd - 0.5)).toBeLessThan(0.03);
      }
    }
  });

  it('uses given centres, and without noise every point is exactly its centre', () => {
    const d = makeBlobs({ n: 9, noise: 0, seed: 1, negativeCentre: [3, -2], positiveCentre: [0, 5] });
    d.x.forEach((row, i) => expect(row).toEqual(d.y[i] === -1 ? [3, -2] : [0, 5]));
    expect(d.y.filter((l) => l === -1)).toHaveLength(4);
  });

  it('refuses non-finite centres', () => {
    expect(() => makeBlobs({ n: 4, noise: 0, seed: 0, positiveCentre: [NaN, 0] })).toThrow(/centres/);
  });
});
