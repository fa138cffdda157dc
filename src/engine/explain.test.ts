import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOriginOfNonFinite, whyNotFinite } from './explain';
import { OPS } from './ops/registry';
import type { OpDef } from './ops/OpDef';
import { Value } from './Value';

/** Runs `build`, insisting it does not throw, and returns the non-finite Value it made. */
function nonFinite(build: () => Value): Value {
  let v: Value | undefined;
  expect(() => {
    v = build();
  }).not.toThrow();
  expect(Number.isFinite(v!.data)).toBe(false);
  return v!;
}

describe('whyNotFinite', () => {
  it('returns null for finite values, leaves and computed nodes alike', () => {
    const a = new Value(2);
    expect(whyNotFinite(a)).toBeNull();
    expect(whyNotFinite(a.div(4))).toBeNull();
    expect(whyNotFinite(a.log())).toBeNull();
    expect(whyNotFinite(new Value(0).exp())).toBeNull();
    expect(whyNotFinite(new Value(-8).pow(3))).toBeNull();
    expect(isOriginOfNonFinite(a.mul(3))).toBe(false);
  });

  it('division by zero, for x/0 and 0/0', () => {
    for (const x of [1, -1, 0]) {
      const v = nonFinite(() => new Value(x).div(new Value(0)));
      expect(whyNotFinite(v)).toMatch(/division by zero/);
      expect(isOriginOfNonFinite(v)).toBe(true);
    }
    expect(whyNotFinite(nonFinite(() => new Value(5).div(0)))).toMatch(/division by zero/);
    expect(whyNotFinite(nonFinite(() => new Value(5).div(-0)))).toMatch(/division by zero/);
  });

  it('log of zero and of a negative number mention log', () => {
    const zero = nonFinite(() => new Value(0).log());
    expect(zero.data).toBe(-Infinity);
    expect(whyNotFinite(zero)).toMatch(/log/);
    expect(whyNotFinite(zero)).toMatch(/zero/);
    const negative = nonFinite(() => new Value(-1).log());
    expect(negative.data).toBeNaN();
    expect(whyNotFinite(negative)).toMatch(/log/);
    expect(whyNotFinite(negative)).toMatch(/negative/);
  });

  it('a negative base to a fractional power', () => {
    const v = nonFinite(() => new Value(-8).pow(0.5));
    expect(v.data).toBeNaN();
    expect(whyNotFinite(v)).toMatch(/negative base to a fractional power/);
    expect(whyNotFinite(nonFinite(() => new Value(-2).pow(-1.5)))).toMatch(/negative base to a fractional power/);
  });

  it('0 to a negative power is a division by zero', () => {
    for (const k of [-1, -2, -0.5]) {
      const v = nonFinite(() => new Value(0).pow(k));
      expect(v.data).toBe(Infinity);
      expect(whyNotFinite(v)).toMatch(/division by zero/);
    }
  });

  it('exp(1000) overflows', () => {
    const v = nonFinite(() => new Value(1000).exp());
    expect(v.data).toBe(Infinity);
    expect(whyNotFinite(v)).toMatch(/overflow/);
  });

  it('mul, add, sub and pow say overflow when the result is too large', () => {
    expect(whyNotFinite(nonFinite(() => new Value(1e200).mul(1e200)))).toMatch(/overflow/);
    expect(whyNotFinite(nonFinite(() => new Value(1.7e308).add(1.7e308)))).toMatch(/overflow/);
    expect(whyNotFinite(nonFinite(() => new Value(-1.7e308).sub(1.7e308)))).toMatch(/overflow/);
    expect(whyNotFinite(nonFinite(() => new Value(10).pow(400)))).toMatch(/overflow/);
  });

  it('a node downstream of a NaN says which input is already NaN, and is not the origin', () => {
    const bad = nonFinite(() => new Value(-1).log());
    const afterUnary = nonFinite(() => bad.tanh());
    expect(whyNotFinite(afterUnary)).toMatch(/input x is already NaN/);
    const asFirst = nonFinite(() => bad.add(1));
    expect(whyNotFinite(asFirst)).toMatch(/input a is already NaN/);
    const asSecond = nonFinite(() => new Value(2).mul(bad));
    expect(whyNotFinite(asSecond)).toMatch(/input b is already NaN/);
    expect(isOriginOfNonFinite(bad)).toBe(true);
    for (const v of [afterUnary, asFirst, asSecond]) expect(isOriginOfNonFinite(v)).toBe(false);
  });

  it('a node downstream of an Infinity says its input is already Infinity', () => {
    const inf = nonFinite(() => new Value(1000).exp());
    const v = nonFinite(() => inf.mul(2));
    expect(whyNotFinite(v)).toMatch(/input a is already Infinity/);
  });

  it('a non-finite leaf explains itself', () => {
    expect(whyNotFinite(new Value(NaN))).toMatch(/NaN/);
    expect(isOriginOfNonFinite(new Value(Infinity))).toBe(false);
  });

  it('backward through non-finite values never throws', () => {
    const a = new Value(0);
    const out = a.log().mul(new Value(3).div(a)).add(1);
    expect(() => out.backward()).not.toThrow();
    expect(Number.isFinite(out.data)).toBe(false);
  });

  it('for every op and any finite inputs: nothing throws, and a reason is given exactly when the result is not finite', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
    const special = fc.constantFrom(0, -0, 1, -1, 0.5, -0.5, 709.79, -709.79, 1000, -1000, 1e308, -1e308, 5e-324);
    const num = fc.oneof(finite, special);
    fc.assert(
      fc.property(fc.constantFrom(...(OPS as readonly OpDef[])), num, num, num, (op, x, y, k) => {
        const a = new Value(x);
        let v: Value;
        if (op.inputs.length === 2) {
          v = (a as unknown as Record<string, (o: number) => Value>)[op.type]!(y);
        } else if (op.param) {
          v = (a as unknown as Record<string, (k: number) => Value>)[op.type]!(k);
        } else {
          v = (a as unknown as Record<string, () => Value>)[op.type]!();
        }
        const reason = whyNotFinite(v);
        if (Number.isFinite(v.data)) {
          expect(reason).toBeNull();
        } else {
          expect(typeof reason).toBe('string');
          expect(reason!.length).toBeGreaterThan(0);
          expect(isOriginOfNonFinite(v)).toBe(true);
        }
        expect(() => v.backward()).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('tanh and sigmoid never leave the finite numbers for finite inputs', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const t = new Value(x).tanh();
        const s = new Value(x).sigmoid();
        expect(whyNotFinite(t)).toBeNull();
        expect(whyNotFinite(s)).toBeNull();
        expect(Math.abs(t.data)).toBeLessThanOrEqual(1);
        expect(s.data).toBeGreaterThanOrEqual(0);
        expect(s.data).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
