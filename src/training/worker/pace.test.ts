import { describe, expect, it } from 'vitest';
import { msUntilNextStep, rateDue, rateWindowMs, speedLabel, SPEEDS, stepsDue } from './pace';

describe('training at a chosen speed', () => {
  it('at 1 step/s takes the first step at once, then one a second', () => {
    expect(stepsDue(1, 0, 0)).toBe(1);
    expect(stepsDue(1, 999, 1)).toBe(0);
    expect(msUntilNextStep(1, 250, 1)).toBe(750);
    expect(stepsDue(1, 1000, 1)).toBe(1);
    expect(stepsDue(1, 5400, 3)).toBe(3);
  });

  it('never takes more than rate × seconds + 1 steps, whatever the clock does', () => {
    for (const rate of [1, 2, 5, 10, 30, 100]) {
      let taken = 0;
      for (let t = 0; t < 3000; t += 7) taken += stepsDue(rate, t, taken);
      taken += stepsDue(rate, 3000, taken);
      expect(taken).toBe(Math.floor((3000 * rate) / 1000) + 1);
    }
  });

  it('at full speed has no limit and no wait', () => {
    expect(stepsDue(null, 0, 1e6)).toBe(Infinity);
    expect(msUntilNextStep(null, 0, 1e6)).toBe(0);
  });

  it('averages the steps-per-second figure over a window holding a few steps', () => {
    expect(rateWindowMs(null)).toBe(500);
    expect(rateWindowMs(1)).toBe(3000);
    expect(rateWindowMs(100)).toBe(500);
  });

  it('gives a fast run its first figure within a tenth of a second, then averages over the window', () => {
    expect(rateDue(null, 120, 400, false)).toBe(true);
    expect(rateDue(null, 120, 400, true)).toBe(false);
    expect(rateDue(null, 60, 400, false)).toBe(false);
    expect(rateDue(1, 2000, 2, false)).toBe(false);
    expect(rateDue(1, 3000, 3, true)).toBe(true);
  });

  it('offers 1 step/s up to full speed', () => {
    expect(SPEEDS[0]).toBe(1);
    expect(SPEEDS[SPEEDS.length - 1]).toBeNull();
    expect(SPEEDS.map(speedLabel)).toEqual(['1 step/s', '2 steps/s', '5 steps/s', '10 steps/s', '30 steps/s', '100 steps/s', 'full speed']);
  });
});
