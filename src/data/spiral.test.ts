import { describe, expect, it } from 'vitest';
import { makeSpiral } from './spiral';

describe('makeSpiral', () => {
  it('without noise, puts each point on its arm: angle 2π·turns·r, the -1 arm rotated by π', () => {
    for (const turns of [1.75, 3]) {
      const d = makeSpiral({ n: 120, noise: 0, seed: 6, turns });
      d.x.forEach(([x, y], i) => {
        const r = Math.hypot(x as number, y as number);
        expect(r).toBeLessThan(1);
        const angle = 2 * Math.PI * turns * r + (d.y[i] === -1 ? Math.PI : 0);
        expect(x).toBeCloseTo(r * Math.sin(angle), 9);
        expect(y).toBeCloseTo(r * Math.cos(angle), 9);
      });
    }
  });

  it('makes the -1 arm the +1 arm turned half way round (each point negated)', () => {
    const d = makeSpiral({ n: 40, noise: 0, seed: 2 });
    const pos = d.x.filter((_, i) => d.y[i] === 1);
    const neg = d.x.filter((_, i) => d.y[i] === -1);
    expect(neg).toHaveLength(20);
    for (const [a, b] of neg) {
      const negated = (p: number[]): boolean =>
        Math.abs((a as number) + (p[0] as number)) < 1e-12 && Math.abs((b as number) + (p[1] as number)) < 1e-12;
      const twin = pos.some(negated);
      expect(twin).toBe(true);
    }
  });

  it('with k classes, makes k arms labelled 0..k-1, arm j the first turned by 2π·j/k', () => {
    for (const k of [3, 4, 5]) {
      const d = makeSpiral({ n: 100, noise: 0, seed: 3, classes: k });
      const counts = Array.from({ length: k }, (_, j) => d.y.filter((l) => l === j).length);
      expect(counts.reduce((a, b) => a + b)).toBe(100);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      d.x.forEach(([x, y], i) => {
        const r = Math.hypot(x!, y!);
        const angle = 2 * Math.PI * 1.75 * r + (2 * Math.PI * d.y[i]!) / k;
        expect(x).toBeCloseTo(r * Math.sin(angle), 9);
        expect(y).toBeCloseTo(r * Math.cos(angle), 9);
      });
    }
  });

  it('gives two classes exactly the points it gave before classes existed', () => {
    const spec = { n: 57, noise: 0.3, seed: 11 };
    expect(makeSpiral({ ...spec, classes: 2 })).toEqual(makeSpiral(spec));
    expect(makeSpiral(spec).x[0]).toEqual(makeSpiral(spec).x[0]);
  });

  it('refuses 1 class or more than 5', () => {
    expect(() => makeSpiral({ n: 4, noise: 0, seed: 0, classes: 1 })).toThrow(/classes/);
    expect(() => makeSpiral({ n: 4, noise: 0, seed: 0, classes: 6 })).toThrow(/classes/);
  });

  it('refuses non-positive turns', () => {
    expect(() => makeSpiral({ n: 4, noise: 0, seed: 0, turns: 0 })).toThrow(/turns/);
  });
});
