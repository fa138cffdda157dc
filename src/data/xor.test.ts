import { describe, expect, it } from 'vitest';
import { makeXor } from './xor';

describe('makeXor', () => {
  it('without noise, labels every point sign(x1·x2) and keeps it inside [-1, 1]² off the axes', () => {
    const margin = 0.2;
    const d = makeXor({ n: 500, noise: 0, seed: 8, margin });
    d.x.forEach(([x1, x2], i) => {
      const a = x1 as number;
      const b = x2 as number;
      expect(Math.sign(a * b)).toBe(d.y[i]);
      for (const v of [a, b]) {
        expect(Math.abs(v)).toBeGreaterThanOrEqual(margin);
        expect(Math.abs(v)).toBeLessThanOrEqual(1);
      }
    });
  });

  it('fills all four quadrants', () => {
    const d = makeXor({ n: 200, noise: 0, seed: 1 });
    const quadrants = new Set(d.x.map(([a, b]) => `${Math.sign(a as number)},${Math.sign(b as number)}`));
    expect(quadrants.size).toBe(4);
  });

  it('has both classes even for two points', () => {
    expect(makeXor({ n: 2, noise: 0, seed: 123 }).y.slice().sort()).toEqual([-1, 1]);
  });

  it('refuses a margin outside [0, 1)', () => {
    expect(() => makeXor({ n: 4, noise: 0, seed: 0, margin: 1 })).toThrow(/margin/);
    expect(() => makeXor({ n: 4, noise: 0, seed: 0, margin: -0.1 })).toThrow(/margin/);
  });
});
