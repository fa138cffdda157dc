import { describe, expect, it } from 'vitest';
import { MAX_SPACING_PX, MIN_SPACING_PX, pointsUnder, spacingFor, StrokeSampler } from './brush';

describe('the freehand brush', () => {
  it('spaces points by speed: the minimum when still or slow, wider when fast, capped', () => {
    expect(spacingFor(0)).toBe(MIN_SPACING_PX);
    expect(spacingFor(-1)).toBe(MIN_SPACING_PX);
    expect(spacingFor(NaN)).toBe(MIN_SPACING_PX);
    expect(spacingFor(0.1)).toBe(MIN_SPACING_PX);
    expect(spacingFor(0.5)).toBeGreaterThan(MIN_SPACING_PX);
    expect(spacingFor(1)).toBeGreaterThan(spacingFor(0.5));
    expect(spacingFor(100)).toBe(MAX_SPACING_PX);
  });

  it('drops points along the path at the spacing, carrying the remainder across moves', () => {
    // Slow: 1 px per 10 ms, so the minimum spacing.
    const slow = new StrokeSampler(0, 0, 0);
    const dropped = [];
    for (let x = 1; x <= 35; x++) dropped.push(...slow.moveTo(x, 0, x * 10));
    expect(dropped.map(([x]) => Math.round(x * 1000) / 1000)).toEqual([7, 14, 21, 28, 35]);
    expect(dropped.every(([, y]) => y === 0)).toBe(true);
  });

  it('paints more points where the pointer moves slowly than where it rushes over the same distance', () => {
    const count = (msPerStep: number) => {
      const s = new StrokeSampler(0, 0, 0);
      let n = 0;
      for (let i = 1; i <= 30; i++) n += s.moveTo(i * 10, 0, i * msPerStep).length;
      return n;
    };
    expect(count(100)).toBe(Math.floor(300 / MIN_SPACING_PX));
    expect(count(2)).toBe(Math.floor(300 / MAX_SPACING_PX));
  });

  it('drops nothing for a pointer that does not move, and one long jump can drop several', () => {
    const s = new StrokeSampler(5, 5, 0);
    expect(s.start).toEqual([5, 5]);
    expect(s.moveTo(5, 5, 100)).toEqual([]);
    expect(s.moveTo(5, 5 + 10 * MIN_SPACING_PX, 100_000)).toHaveLength(10);
  });

  it('finds the points under the eraser', () => {
    const points = [[0, 0], [10, 0], [30, 0], [0, -14]] as const;
    expect(pointsUnder(points, 0, 0, 14)).toEqual([0, 1, 3]);
    expect(pointsUnder(points, 100, 100)).toEqual([]);
  });
});
