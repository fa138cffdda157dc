import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeMoons } from './moons';
import { splitDataset } from './split';
import type { Dataset } from './types';

// Points tagged by index (x = [i, -i]) so each row can be traced back to where it came from.
function indexed(n: number): Dataset {
  return {
    name: 'idx',
    x: Array.from({ length: n }, (_, i) => [i, -i]),
    y: Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : -1)),
  };
}
const ids = (d: Dataset): number[] => d.x.map((row) => row[0] as number);

describe('splitDataset', () => {
  it('holds out ceil(n·fraction) points, and the halves are disjoint and cover everything', () => {
    const fraction = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fraction, fc.integer(), (n, f, seed) => {
        const { train, test } = splitDataset(indexed(n), { testFraction: f, seed });
        expect(test.x).toHaveLength(Math.max(0, Math.ceil(n * f - 1e-9)));
        expect(train.x.length + test.x.length).toBe(n);
        const all = [...ids(train), ...ids(test)].sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: n }, (_, i) => i));
        for (const half of [train, test]) {
          half.x.forEach((row, i) => expect(half.y[i]).toBe((row[0] as number) % 2 === 0 ? 1 : -1));
        }
      }),
    );
  });

  it('does not round a float error up to a whole extra point', () => {
    expect(splitDataset(indexed(100), { testFraction: 0.07, seed: 0 }).test.x).toHaveLength(7);
    expect(splitDataset(indexed(10), { testFraction: 0.25, seed: 0 }).test.x).toHaveLength(3);
  });

  it('is seeded: same seed same split, other seed other split', () => {
    const d = makeMoons({ n: 100, noise: 0.1, seed: 1 });
    const a = splitDataset(d, { testFraction: 0.3, seed: 5 });
    expect(splitDataset(d, { testFraction: 0.3, seed: 5 })).toEqual(a);
    expect(splitDataset(d, { testFraction: 0.3, seed: 6 }).test.x).not.toEqual(a.test.x);
    expect(a.train.name).toBe('moons (train)');
    expect(a.test.name).toBe('moons (test)');
  });

  it('copies rows, so editing a half leaves the original alone', () => {
    const d = indexed(4);
    const { train, test } = splitDataset(d, { testFraction: 0.5, seed: 0 });
    for (const row of [...train.x, ...test.x]) row[1] = 999;
    expect(d.x.map((r) => r[1])).toEqual([-0, -1, -2, -3]);
  });

  it('refuses a fraction outside [0, 1]', () => {
    for (const testFraction of [-0.1, 1.1, NaN]) {
      expect(() => splitDataset(indexed(4), { testFraction, seed: 0 })).toThrow(RangeError);
    }
  });
});
