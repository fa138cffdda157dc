import { describe, expect, it } from 'vitest';
import {
  downsample,
  downsampleIndices,
  formatLogTick,
  formatLoss,
  formatPercent,
  formatStep,
  linePath,
  linearScale,
  logDomain,
  logScale,
  logTicks,
} from './chartMath';

describe('downsampleIndices', () => {
  it('keeps everything when there are few points', () => {
    expect(downsampleIndices(5, 300, () => 1)).toEqual([0, 1, 2, 3, 4]);
    expect(downsampleIndices(0, 300, () => 1)).toEqual([]);
  });

  it('thins 2,000 points to about the target, in order, first and last kept', () => {
    const values = Array.from({ length: 2000 }, (_, i) => Math.exp(-i / 300) + 0.05 * Math.sin(i));
    const idx = downsampleIndices(values.length, 300, (i) => values[i]!);
    expect(idx.length).toBeLessThanOrEqual(300);
    expect(idx.length).toBeGreaterThan(250);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(1999);
    for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThan(idx[k - 1]!);
  });

  it('never hides a spike or a dip', () => {
    const values = Array.from({ length: 2000 }, () => 1);
    values[777] = 50;
    values[1234] = 0.001;
    const idx = downsampleIndices(values.length, 100, (i) => values[i]!);
    expect(idx).toContain(777);
    expect(idx).toContain(1234);
  });

  it('keeps a gap where a whole bucket is not a number', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i >= 400 && i < 600 ? NaN : i));
    const idx = downsampleIndices(values.length, 50, (i) => values[i]!);
    expect(idx.some((i) => Number.isNaN(values[i]!))).toBe(true);
  });

  it('downsample returns the points themselves', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ step: i, loss: 1 / (i + 1) }));
    const thin = downsample(points, 200, (p) => p.loss);
    expect(thin.length).toBeLessThanOrEqual(200);
    expect(thin[0]).toBe(points[0]);
    expect(thin[thin.length - 1]).toBe(points[999]);
  });
});

describe('log scale', () => {
  it('snaps the domain to whole decades around the positive values', () => {
    expect(logDomain([0.69, 0.05, 0.0123])).toEqual({ min: 0.01, max: 1 });
    expect(logDomain([0.3, 0.7])).toEqual({ min: 0.1, max: 1 });
    expect(logDomain([0.1, 1])).toEqual({ min: 0.1, max: 1 });
    expect(logDomain([1, 1])).toEqual({ min: 1, max: 10 });
    expect(logDomain([0, NaN, -1, Infinity, 2])).toEqual({ min: 1, max: 10 });
    expect(logDomain([0, NaN])).toBeNull();
    expect(logDomain([])).toBeNull();
  });

  it('ticks every decade, sparser over many, with 2 and 5 inside one decade', () => {
    expect(logTicks({ min: 0.001, max: 1 })).toEqual([0.001, 0.01, 0.1, 1]);
    expect(logTicks({ min: 0.1, max: 1 })).toEqual([0.1, 0.2, 0.5, 1]);
    const many = logTicks({ min: 1e-12, max: 1 });
    expect(many.length).toBeLessThanOrEqual(7);
    expect(many[many.length - 1]).toBe(1);
  });

  it('maps decades evenly and clamps values the axis cannot show', () => {
    const y = logScale({ min: 0.01, max: 1 }, 100, 0);
    expect(y(1)).toBeCloseTo(0);
    expect(y(0.1)).toBeCloseTo(50);
    expect(y(0.01)).toBeCloseTo(100);
    expect(y(0)).toBeCloseTo(100);
    expect(y(1e-9)).toBeCloseTo(100);
    expect(y(NaN)).toBeNaN();
  });

  it('maps linearly too', () => {
    const x = linearScale({ min: 0, max: 200 }, 40, 240);
    expect(x(0)).toBe(40);
    expect(x(100)).toBe(140);
    expect(linearScale({ min: 5, max: 5 }, 0, 10)(5)).toBe(0);
  });
});

describe('linePath', () => {
  it('draws through finite points and breaks at the others', () => {
    expect(linePath([0, 1, 2, 3, 4], [5, 6.04, NaN, 8, 9])).toBe('M0 5L1 6M3 8L4 9');
    expect(linePath([], [])).toBe('');
  });
});

describe('formatting', () => {
  it('prints accuracy as a percentage', () => {
    expect(formatPercent(0.975)).toBe('97.5 %');
    expect(formatPercent(1)).toBe('100.0 %');
    expect(formatPercent(NaN)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
  });

  it('prints the loss with four significant digits', () => {
    expect(formatLoss(0.693147)).toBe('0.6931');
    expect(formatLoss(12.5)).toBe('12.50');
    expect(formatLoss(0.00001234)).toBe('1.23e-5');
    expect(formatLoss(0)).toBe('0');
    expect(formatLoss(Infinity)).toBe('∞');
    expect(formatLoss(undefined)).toBe('—');
  });

  it('labels ticks and steps compactly', () => {
    expect(formatLogTick(0.01)).toBe('0.01');
    expect(formatLogTick(1)).toBe('1');
    expect(formatLogTick(1e-5)).toBe('1e-5');
    expect(formatStep(950)).toBe('950');
    expect(formatStep(12000)).toBe('12k');
    expect(formatStep(1500000)).toBe('1.5M');
  });
});
