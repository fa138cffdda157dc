import { describe, expect, it } from 'vitest';
import { gradcheck } from './gradcheck';
import { topoSort } from './graph';
import type { OpDef } from './ops/OpDef';
import { OPS } from './ops/registry';
import { Value } from './Value';

/** A small seeded PRNG (mulberry32) so every run checks the same sample points. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const uniform = (r: Rand, lo: number, hi: number) => lo + (hi - lo) * r();
/** Uniform in [-hi, -lo] ∪ [lo, hi]: random sign, away from 0 (and so from relu's kink). */
const awayFromZero = (r: Rand, lo = 0.1, hi = 2) => (r() < 0.5 ? -1 : 1) * uniform(r, lo, hi);
const pick = <T,>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** One sample point for an op: input data a (and b for binary ops), and the parameter k. */
interface Sample {
  a: number;
  b: number;
  k: number;
}

/**
 * Where each op is smooth and finite. Ops not listed get the default: values in [-2, 2] away
 * from 0, and a param op its default parameter, so a newly registered op is checked without
 * touching this file (add an entry only when the default leaves its domain).
 */
const DOMAINS: Partial<Record<string, (r: Rand, op: OpDef) => Sample>> = {
  div: (r) => ({ a: awayFromZero(r), b: awayFromZero(r, 0.5, 2), k: 0 }),
  log: (r) => ({ a: uniform(r, 0.1, 3), b: 0, k: 0 }),
  exp: (r) => ({ a: uniform(r, -3, 3), b: 0, k: 0 }),
  tanh: (r) => ({ a: uniform(r, -3, 3), b: 0, k: 0 }),
  sigmoid: (r) => ({ a: uniform(r, -4, 4), b: 0, k: 0 }),
  pow: (r) => {
    // Integer k with any base (away from 0 when k is negative), fractional k only with x > 0.
    if (r() < 0.5) return { a: awayFromZero(r, 0.3, 2), b: 0, k: pick(r, [-3, -2, -1, 0, 1, 2, 3, 4]) };
    return { a: uniform(r, 0.2, 3), b: 0, k: pick(r, [-1.5, -0.5, 0.5, 1.5, 2.7, 0.25]) };
  },
};

function defaultDomain(r: Rand, op: OpDef): Sample {
  return { a: awayFromZero(r), b: awayFromZero(r), k: op.param?.defaultValue ?? 0 };
}

function sampleFor(op: OpDef, r: Rand): Sample {
  return (DOMAINS[op.type] ?? defaultDomain)(r, op);
}

/** Builds `op` on Values through Value's generated method, as user code would. */
function apply(op: OpDef, a: Value, b: Value, k: number): Value {
  const method = (a as unknown as Record<string, ((arg?: Value | number) => Value) | undefined>)[op.type];
  if (typeof method !== 'function') throw new Error(`Value has no method '${op.type}'`);
  if (op.inputs.length === 2) return method.call(a, b);
  if (op.param) return method.call(a, k);
  return method.call(a);
}

const SAMPLES_PER_OP = 25;
const ops = OPS as readonly OpDef[];

describe('gradcheck', () => {
  it('returns autograd, central and forward differences for every leaf', () => {
    // The lecture's L = (a*b + c) * f: dL/da = 6, dL/db = -4, dL/dc = -2, dL/df = 4.
    const a = new Value(2, 'a');
    const b = new Value(-3, 'b');
    const c = new Value(10, 'c');
    const f = new Value(-2, 'f');
    const L = a.mul(b).add(c).mul(f);
    const results = gradcheck(L);
    expect(results.map((r) => r.leaf.label).sort()).toEqual(['a', 'b', 'c', 'f']);
    const byLabel = new Map(results.map((r) => [r.leaf.label, r]));
    const expected: Record<string, number> = { a: 6, b: -4, c: -2, f: 4 };
    for (const [label, grad] of Object.entries(expected)) {
      const r = byLabel.get(label)!;
      expect(r.autograd).toBe(grad);
      expect(r.central).toBeCloseTo(grad, 6);
      expect(r.forward).toBeCloseTo(grad, 4);
      expect(r.error).toBeLessThan(1e-6);
      expect(r.ok).toBe(true);
      expect(r.leaf.grad).toBe(grad);
    }
  });

  it('restores leaf data and leaves every node holding its original data', () => {
    const x = new Value(0.3, 'x');
    const y = new Value(-1.2, 'y');
    const out = x.mul(y).tanh().add(x.exp()).div(y.pow(2).add(1));
    const order = topoSort(out);
    const before = order.map((v) => v.data);
    const results = gradcheck(out);
    expect(results.map((r) => r.leaf)).toEqual(expect.arrayContaining([x, y]));
    expect(results).toHaveLength(3); // x, y and the constant leaf 1 from add(1)
    expect(order.map((v) => v.data)).toEqual(before);
    expect(x.data).toBe(0.3);
    expect(y.data).toBe(-1.2);
  });

  it('runs a fresh backward: stale grads from earlier passes do not leak in', () => {
    const x = new Value(1.5);
    const out = x.mul(x).mul(x);
    out.backward();
    out.backward(); // grads now hold accumulated junk
    const [r] = gradcheck(out, { leaves: [x] });
    expect(r!.autograd).toBeCloseTo(3 * 1.5 ** 2, 12);
    expect(x.grad).toBeCloseTo(3 * 1.5 ** 2, 12);
  });

  it('checks the gradient at the current leaf data even after a leaf was edited in place', () => {
    // The lecture nudges leaves with `p.data += -0.01 * p.grad`; gradcheck must not use the
    // stale forward values that were computed before the edit.
    const x = new Value(0.5, 'x');
    const out = x.tanh().mul(x.exp());
    x.data = 1.25;
    const [r] = gradcheck(out, { leaves: [x] });
    const t = Math.tanh(1.25);
    const expected = (1 - t * t) * Math.exp(1.25) + t * Math.exp(1.25);
    expect(r!.autograd).toBeCloseTo(expected, 12);
    expect(r!.central).toBeCloseTo(expected, 8);
    expect(r!.forward).toBeCloseTo(expected, 4);
    expect(r!.ok).toBe(true);
    expect(out.data).toBeCloseTo(t * Math.exp(1.25), 14);
  });

  it('forward difference has O(h) error, central difference is exact for a quadratic (lecture: 3x² − 4x + 5 at 3)', () => {
    const x = new Value(3, 'x');
    const f = x.pow(2).mul(3).sub(x.mul(4)).add(5);
    const [r] = gradcheck(f, { h: 1e-3, leaves: [x] });
    expect(r!.autograd).toBe(14);
    expect(r!.forward).toBeCloseTo(14.003, 9); // 14 + 3h
    expect(r!.central).toBeCloseTo(14, 9);
    expect(Math.abs(r!.central - 14)).toBeLessThan(Math.abs(r!.forward - 14));
  });

  it('only checks the requested leaves', () => {
    const a = new Value(1, 'a');
    const b = new Value(2, 'b');
    const results = gradcheck(a.mul(b), { leaves: [b] });
    expect(results).toHaveLength(1);
    expect(results[0]!.leaf).toBe(b);
    expect(results[0]!.autograd).toBe(1);
  });

  it('can fail: at relu’s kink autograd (0) and the central difference (0.5) disagree', () => {
    const x = new Value(0, 'x');
    const [r] = gradcheck(x.relu());
    expect(r!.autograd).toBe(0);
    expect(r!.central).toBeCloseTo(0.5, 9);
    expect(r!.error).toBeCloseTo(0.5, 9);
    expect(r!.ok).toBe(false);
  });

  it('honours the tolerance option', () => {
    const x = new Value(0.7, 'x');
    const y = x.exp();
    const [loose] = gradcheck(y, { tolerance: 1e-3 });
    const [impossible] = gradcheck(y, { tolerance: 0, h: 1e-2 });
    expect(loose!.ok).toBe(true);
    expect(impossible!.error).toBeGreaterThan(0);
    expect(impossible!.ok).toBe(false);
  });
});

describe('every registered op', () => {
  it('the domain table only names ops that exist', () => {
    const types = new Set(ops.map((op) => op.type));
    for (const key of Object.keys(DOMAINS)) expect(types.has(key), `DOMAINS has unknown op '${key}'`).toBe(true);
  });

  it('every op is reachable as a Value method', () => {
    for (const op of ops) expect(typeof (Value.prototype as unknown as Record<string, unknown>)[op.type]).toBe('function');
  });

  describe.each(ops.map((op) => [op.type, op] as const))('%s', (_type, op) => {
    it(`gradcheck agrees with autograd within 1e-6 at ${SAMPLES_PER_OP} in-domain points`, () => {
      const r = rng(0x5eed ^ op.type.length ^ (op.type.charCodeAt(0) << 8));
      for (let s = 0; s < SAMPLES_PER_OP; s++) {
        const { a, b, k } = sampleFor(op, r);
        const va = new Value(a, 'a');
        const vb = new Value(b, 'b');
        const out = apply(op, va, vb, k);
        expect(Number.isFinite(out.data), `${op.type}(${a}, ${b}; k=${k}) = ${out.data}`).toBe(true);
        expect(out.op).toBe(op);
        // Scale by a leaf w so the op's output receives a gradient other than 1.
        const w = new Value(uniform(r, 0.5, 2) * (r() < 0.5 ? -1 : 1), 'w');
        const root = out.mul(w);
        const leaves = op.inputs.length === 2 ? [va, vb, w] : [va, w];
        const results = gradcheck(root, { leaves, tolerance: 1e-6 });
        for (const res of results) {
          expect(res.ok, `${op.type}(${a}, ${b}; k=${k}) d/d${res.leaf.label}: autograd ${res.autograd} vs central ${res.central}`).toBe(true);
        }
        expect(va.data).toBe(a);
        expect(vb.data).toBe(b);
      }
    });

    if (op.inputs.length === 2) {
      it('accumulates both input slots when one Value is both inputs (op(x, x))', () => {
        const r = rng(0xa11ce ^ op.type.charCodeAt(0));
        for (let s = 0; s < SAMPLES_PER_OP; s++) {
          const { a } = sampleFor(op, r);
          // For x used as both inputs the second input's domain applies too (div: x away from 0).
          const x = new Value(op.type === 'div' ? awayFromZero(r, 0.5, 2) : a, 'x');
          const root = apply(op, x, x, 0).tanh();
          const [res] = gradcheck(root, { leaves: [x], tolerance: 1e-6 });
          expect(res!.ok, `${op.type}(x, x) at x=${x.data}: ${res!.autograd} vs ${res!.central}`).toBe(true);
        }
      });
    }

    it('op.local matches a central difference of op.forward', () => {
      const r = rng(0x10ca1 ^ op.type.charCodeAt(1));
      const h = 1e-6;
      for (let s = 0; s < SAMPLES_PER_OP; s++) {
        const { a, b, k } = sampleFor(op, r);
        const out = op.forward(a, b, k);
        const slots: Array<0 | 1> = op.inputs.length === 2 ? [0, 1] : [0];
        for (const i of slots) {
          const plus = i === 0 ? op.forward(a + h, b, k) : op.forward(a, b + h, k);
          const minus = i === 0 ? op.forward(a - h, b, k) : op.forward(a, b - h, k);
          const numeric = (plus - minus) / (2 * h);
          const analytic = op.local(i, a, b, out, k);
          const error = Math.abs(analytic - numeric) / Math.max(1, Math.abs(analytic), Math.abs(numeric));
          expect(error, `${op.type} local(${i}) at (${a}, ${b}; k=${k}): ${analytic} vs ${numeric}`).toBeLessThan(1e-6);
        }
      }
    });

    it('has a well-formed definition', () => {
      expect(op.inputs.length === 1 || op.inputs.length === 2).toBe(true);
      expect(op.symbol.length).toBeGreaterThan(0);
      expect(op.localText(0, op.inputs, op.param?.defaultValue ?? 0).length).toBeGreaterThan(0);
      expect(op.code.ts(['x', 'y'], op.param?.defaultValue ?? 0)).toContain(op.type);
    });
  });
});
