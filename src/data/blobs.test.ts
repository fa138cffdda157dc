import { describe, expect, it } from 'vitest';
import { RING_RADIUS, makeBlobs } from './blobs';
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

  it('with k classes, puts blob j (labelled j) round a ring, the first on top', () => {
    const k = 5;
    const d = makeBlobs({ n: 5000, noise: 0.3, seed: 4, classes: k });
    for (let j = 0; j < k; j++) {
      const angle = Math.PI / 2 + (2 * Math.PI * j) / k;
      expect(Math.abs(stats(d, j, 0).mean - RING_RADIUS * Math.cos(angle))).toBeLessThan(0.04);
      expect(Math.abs(stats(d, j, 1).mean - RING_RADIUS * Math.sin(angle))).toBeLessThan(0.04);
      expect(d.y.filter((l) => l === j)).toHaveLength(1000);
    }
  });

  it('gives two classes exactly the points it gave before classes existed', () => {
    expect(makeBlobs({ n: 31, noise: 0.5, seed: 2, classes: 2 })).toEqual(makeBlobs({ n: 31, noise: 0.5, seed: 2 }));
  });

  it('refuses non-finite centres', () => {
    expect(() => makeBlobs({ n: 4, noise: 0, seed: 0, positiveCentre: [NaN, 0] })).toThrow(/centres/);
  });
});
