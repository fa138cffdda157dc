import { describe, expect, it } from 'vitest';
import { linspace } from './linspace';
import { makeMoons } from './moons';

const sortRows = (rows: number[][]): number[][] =>
  rows
    .map((r) => r.slice())
    .sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number));

describe('makeMoons', () => {
  it('without noise, puts -1 on the upper unit half circle and +1 on the lower one at (1, 0.5)', () => {
    const d = makeMoons({ n: 101, noise: 0, seed: 3 });
    d.x.forEach(([px, py], i) => {
      const x = px as number;
      const y = py as number;
      if (d.y[i] === -1) {
        expect(x * x + y * y).toBeCloseTo(1, 12);
        expect(y).toBeGreaterThanOrEqual(0);
      } else {
        expect((x - 1) ** 2 + (y - 0.5) ** 2).toBeCloseTo(1, 12);
        expect(y).toBeLessThanOrEqual(0.5);
      }
    });
  });

  it("matches sklearn's construction point for point (outer gets floor(n/2))", () => {
    const n = 11;
    const d = makeMoons({ n, noise: 0, seed: 1 });
    const outer = linspace(0, Math.PI, 5).map((t) => [Math.cos(t), Math.sin(t)]);
    const inner = linspace(0, Math.PI, 6).map((t) => [1 - Math.cos(t), 1 - Math.sin(t) - 0.5]);
    expect(sortRows(d.x.filter((_, i) => d.y[i] === -1))).toEqual(sortRows(outer));
    expect(sortRows(d.x.filter((_, i) => d.y[i] === 1))).toEqual(sortRows(inner));
    // Independently of linspace: evenly spaced angles, both ends included.
    const outerAngles = d.x
      .filter((_, i) => d.y[i] === -1)
      .map(([x, y]) => Math.atan2(y as number, x as number))
      .sort((a, b) => a - b);
    outerAngles.forEach((a, i) => expect(a).toBeCloseTo((i * Math.PI) / 4, 12));
    expect(d.x).toContainEqual([1, 0]);
    expect(d.x).toContainEqual([0, 0.5]);
    expect(d.x).toContainEqual([-1, Math.sin(Math.PI)]);
  });

  it('shuffles the classes together rather than listing one after the other', () => {
    const d = makeMoons({ n: 100, noise: 0, seed: 5 });
    const firstHalf = d.y.slice(0, 50);
    expect(firstHalf).toContain(1);
    expect(firstHalf).toContain(-1);
  });

  it('adds gaussian noise of the requested standard deviation to each coordinate', () => {
    const seed = 11;
    const n = 4000;
    const noise = 0.2;
    const clean = makeMoons({ n, noise: 0, seed });
    const noisy = makeMoons({ n, noise, seed });
    // Same seed, so the same shuffle: the difference is the noise alone.
    expect(noisy.y).toEqual(clean.y);
    const residuals = noisy.x.flatMap((row, i) => row.map((v, k) => v - (clean.x[i]?.[k] as number)));
    const mean = residuals.reduce((s, r) => s + r, 0) / residuals.length;
    const sd = Math.sqrt(residuals.reduce((s, r) => s + (r - mean) ** 2, 0) / residuals.length);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(sd).toBeGreaterThan(0.19);
    expect(sd).toBeLessThan(0.21);
  });
});
