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

  it('refuses non-positive turns', () => {
    expect(() => makeSpiral({ n: 4, noise: 0, seed: 0, turns: 0 })).toThrow(/turns/);
  });
});
