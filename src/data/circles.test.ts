import { describe, expect, it } from 'vitest';
import { makeCircles } from './circles';

const radius = (row: number[]): number => Math.hypot(row[0] as number, row[1] as number);

describe('makeCircles', () => {
  it('without noise, puts -1 on the unit circle and +1 on the circle of radius factor', () => {
    for (const factor of [undefined, 0.3]) {
      const d = makeCircles({ n: 50, noise: 0, seed: 2, factor });
      d.x.forEach((row, i) => {
        expect(radius(row)).toBeCloseTo(d.y[i] === -1 ? 1 : (factor ?? 0.5), 12);
      });
      expect(d.y.filter((l) => l === -1)).toHaveLength(25);
    }
  });

  it('spaces each circle evenly in angle without repeating the start point', () => {
    const d = makeCircles({ n: 8, noise: 0, seed: 4 });
    const angles = d.x
      .filter((_, i) => d.y[i] === -1)
      .map(([x, y]) => Math.atan2(y as number, x as number))
      .map((a) => (a < -1e-9 ? a + 2 * Math.PI : Math.max(a, 0)))
      .sort((a, b) => a - b);
    angles.forEach((a, i) => expect(a).toBeCloseTo((i * Math.PI) / 2, 12));
  });

  it('refuses a factor outside (0, 1)', () => {
    expect(() => makeCircles({ n: 10, noise: 0, seed: 0, factor: 1 })).toThrow(/factor/);
    expect(() => makeCircles({ n: 10, noise: 0, seed: 0, factor: 0 })).toThrow(/factor/);
  });
});
