import { describe, expect, it } from 'vitest';
import { gradcheck } from '../gradcheck';
import { Value } from '../Value';
import type { OpDef } from './OpDef';
import { softplus as definition } from './softplus';

/** The op as every caller sees it: through the OpDef interface. */
const softplus: OpDef = definition;

/** Central finite difference of softplus at x. */
function centralDifference(x: number, h = 1e-5): number {
  return (softplus.forward(x + h, 0, 0) - softplus.forward(x - h, 0, 0)) / (2 * h);
}

describe('softplus', () => {
  it('is ln(1 + e^x) where that formula is exact enough to compare', () => {
    for (const x of [-20, -3, -0.5, 0, 0.25, 2, 15]) {
      expect(softplus.forward(x, 0, 0)).toBeCloseTo(Math.log(1 + Math.exp(x)), 12);
    }
    expect(softplus.forward(0, 0, 0)).toBe(Math.LN2);
  });

  it('has the sigmoid as its local derivative, as central differences measure it', () => {
    for (const x of [-8, -2.5, -1, -0.1, 0, 0.3, 1, 4, 9]) {
      const out = softplus.forward(x, 0, 0);
      const local = softplus.local(0, x, 0, out, 0);
      expect(local).toBeCloseTo(1 / (1 + Math.exp(-x)), 12);
      expect(Math.abs(local - centralDifference(x))).toBeLessThan(1e-8);
    }
  });

  it('stays finite and exact for large |x|, where ln(1 + e^x) overflows or rounds to 0', () => {
    expect(Math.log(1 + Math.exp(1000))).toBe(Infinity);
    expect(softplus.forward(1000, 0, 0)).toBe(1000);
    expect(softplus.local(0, 1000, 0, 1000, 0)).toBe(1);
    // e^−40 is lost next to 1 in 1 + e^x; log1p keeps it.
    expect(Math.log(1 + Math.exp(-40))).toBe(0);
    expect(softplus.forward(-40, 0, 0)).toBeCloseTo(Math.exp(-40), 55);
    expect(softplus.forward(-40, 0, 0)).toBeGreaterThan(0);
    expect(softplus.forward(-1000, 0, 0)).toBe(0);
    expect(softplus.local(0, -1000, 0, 0, 0)).toBe(0);
    expect(Number.isNaN(softplus.local(0, -800, 0, 0, 0))).toBe(false);
  });

  it('backpropagates through Value like every op, and gradcheck agrees', () => {
    const x = new Value(0.7, 'x');
    const y = x.mul(3).softplus().mul(x);
    const [check] = gradcheck(y, { leaves: [x] });
    expect(check!.ok).toBe(true);
    expect(check!.autograd).toBeCloseTo(check!.central, 8);
  });
});
