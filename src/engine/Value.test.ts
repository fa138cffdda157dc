import { describe, expect, it } from 'vitest';
import { leavesOf, recompute, topoSort, zeroGrad } from './graph';
import { Value } from './Value';

/** |actual − expected| ≤ rel · max(|expected|, tiny): agreement to ~12 significant digits. */
function expectRel(actual: number, expected: number, rel = 1e-12): void {
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  const err = Math.abs(actual - expected) / scale;
  if (!(err <= rel)) {
    throw new Error(`expected ${actual} to be within relative ${rel} of ${expected} (relative error ${err})`);
  }
}

/** Rounds as Python's f'{x:.4f}' does for these values: what the micrograd README prints. */
function fmt4(x: number): string {
  return x.toFixed(4);
}

/** The micrograd README example, written the way micrograd's operators desugar. */
function readmeExample() {
  const a = new Value(-4.0, 'a');
  const b = new Value(2.0, 'b');
  let c = a.add(b);
  let d = a.mul(b).add(b.pow(3));
  c = c.add(c.add(1)); // c += c + 1
  c = c.add(c.add(1).add(a.neg())); // c += 1 + c + (-a); 1 + c is __radd__, i.e. c + 1
  d = d.add(d.mul(2).add(b.add(a).relu())); // d += d * 2 + (b + a).relu()
  d = d.add(d.mul(3).add(b.sub(a).relu())); // d += 3 * d + (b - a).relu(); 3 * d is d * 3
  const e = c.sub(d);
  const f = e.pow(2);
  let g = f.div(2.0);
  g = g.add(new Value(10.0).div(f)); // g += 10.0 / f, __rtruediv__: Value(10.0) * f**-1
  return { a, b, g };
}

/** The lecture's L = (a*b + c) * f with its intermediate names. */
function lectureL() {
  const a = new Value(2.0, 'a');
  const b = new Value(-3.0, 'b');
  const c = new Value(10.0, 'c');
  const e = a.mul(b);
  e.label = 'e';
  const d = e.add(c);
  d.label = 'd';
  const f = new Value(-2.0, 'f');
  const L = d.mul(f);
  L.label = 'L';
  return { a, b, c, d, e, f, L };
}

/** The lecture's two-input tanh neuron. `viaExp` builds tanh from exp as in section 2.7. */
function neuron(bias: number, viaExp: boolean) {
  const x1 = new Value(2.0, 'x1');
  const x2 = new Value(0.0, 'x2');
  const w1 = new Value(-3.0, 'w1');
  const w2 = new Value(1.0, 'w2');
  const b = new Value(bias, 'b');
  const x1w1 = x1.mul(w1);
  const x2w2 = x2.mul(w2);
  const n = x1w1.add(x2w2).add(b);
  let o: Value;
  if (viaExp) {
    const e = new Value(2).mul(n).exp(); // (2*n).exp()
    o = e.sub(1).div(e.add(1));
  } else {
    o = n.tanh();
  }
  o.label = 'o';
  o.backward();
  return { x1, x2, w1, w2, b, n, o };
}

describe('the micrograd README example', () => {
  it('prints 24.7041, 138.8338 and 645.5773', () => {
    const { a, b, g } = readmeExample();
    g.backward();
    expect(fmt4(g.data)).toBe('24.7041');
    expect(fmt4(a.grad)).toBe('138.8338');
    expect(fmt4(b.grad)).toBe('645.5773');
  });

  it('matches micrograd to ~12 significant digits', () => {
    const { a, b, g } = readmeExample();
    g.backward();
    expectRel(g.data, 24.70408163265306);
    expectRel(a.grad, 138.83381924198252);
    expectRel(b.grad, 645.5772594752186);
  });
});

describe("the lecture's L = (a*b + c) * f", () => {
  it('has forward value -8 and the hand-derived gradients', () => {
    const { a, b, c, d, e, f, L } = lectureL();
    expect(e.data).toBe(-6);
    expect(d.data).toBe(4);
    expect(L.data).toBe(-8);
    L.backward();
    expect(L.grad).toBe(1);
    expect(d.grad).toBe(-2);
    expect(e.grad).toBe(-2);
    expect(f.grad).toBe(4);
    expect(c.grad).toBe(-2);
    expect(a.grad).toBe(6);
    expect(b.grad).toBe(-4);
  });

  it("one optimisation step (data += 0.01 * grad) gives the lecture's -7.286496", () => {
    const { a, b, c, f, L } = lectureL();
    L.backward();
    for (const leaf of [a, b, c, f]) leaf.data += 0.01 * leaf.grad;
    recompute(topoSort(L));
    expectRel(L.data, -7.286496, 1e-14);
  });

  it('exposes inputs, op and label like micrograd’s _prev, _op and label', () => {
    const { a, b, c, d, e, L } = lectureL();
    expect(d.inputs).toEqual([e, c]);
    expect(e.inputs).toEqual([a, b]);
    expect(d.op?.symbol).toBe('+');
    expect(e.op?.symbol).toBe('*');
    expect(L.op?.type).toBe('mul');
    expect(a.op).toBeNull();
    expect(a.inputs).toEqual([]);
    expect(L.label).toBe('L');
    expect(String(L)).toBe('Value(data=-8, label=L)');
    expect(new Value(1.5).label).toBe('');
  });
});

describe("the lecture's tanh neuron", () => {
  // The lecture's PyTorch cell writes torch.tensor([6.8813735870195432]).double(): torch.tensor
  // makes a float32 first, so the bias PyTorch used is that number rounded to float32. Its printed
  // digits (0.7071066904050358, -1.5000003851533106, ...) come from that bias, not from the double.
  const torchBias = Math.fround(6.8813735870195432);

  it('reproduces the PyTorch numbers printed in the lecture (float32-rounded bias)', () => {
    const { x1, x2, w1, w2, o } = neuron(torchBias, false);
    expect(o.data).toBeCloseTo(0.7071, 4);
    expectRel(o.data, 0.7071066904050358);
    expectRel(x1.grad, -1.5000003851533106);
    expectRel(w1.grad, 1.0000002567688737);
    expectRel(x2.grad, 0.5000001283844369);
    expect(w2.grad).toBe(0);
  });

  it('with the full-precision double bias, o is 1/√2 and the grads are -1.5, 1, 0.5, 0', () => {
    const { x1, x2, w1, w2, b, n, o } = neuron(6.8813735870195432, false);
    expectRel(o.data, Math.SQRT1_2);
    expectRel(n.grad, 0.5); // 1 − o²
    expectRel(b.grad, 0.5);
    expectRel(x1.grad, -1.5);
    expectRel(w1.grad, 1.0);
    expectRel(x2.grad, 0.5);
    expect(w2.grad).toBe(0);
  });

  it("matches micrograd's own output with the lecture's b = 6.88137358", () => {
    // build_topo in the lecture prints Value(data=0.707106777676776) for the output.
    const { o } = neuron(6.88137358, false);
    expectRel(o.data, 0.707106777676776, 1e-15);
  });

  it('gives the same numbers when tanh is built from exp: (e - 1)/(e + 1), e = exp(2n)', () => {
    for (const bias of [torchBias, 6.8813735870195432, 6.88137358]) {
      const direct = neuron(bias, false);
      const viaExp = neuron(bias, true);
      expectRel(viaExp.o.data, direct.o.data, 1e-9);
      for (const k of ['x1', 'x2', 'w1', 'b'] as const) expectRel(viaExp[k].grad, direct[k].grad, 1e-9);
      expect(viaExp.w2.grad).toBe(0);
    }
  });

  it('its topological order has the 10 nodes of the lecture, inputs before users, o last', () => {
    const { o } = neuron(6.88137358, false);
    const order = topoSort(o);
    expect(order).toHaveLength(10);
    expect(new Set(order).size).toBe(10);
    expect(order[order.length - 1]).toBe(o);
    const position = new Map(order.map((v, i) => [v, i]));
    for (const v of order) for (const input of v.inputs) expect(position.get(input)!).toBeLessThan(position.get(v)!);
    expect(leavesOf(o).map((v) => v.label).sort()).toEqual(['b', 'w1', 'w2', 'x1', 'x2']);
  });
});

describe('micrograd semantics', () => {
  it('a + a gives a.grad 2 (the lecture’s accumulate-don’t-overwrite fix)', () => {
    const a = new Value(3.0, 'a');
    const b = a.add(a);
    expect(b.data).toBe(6);
    b.backward();
    expect(a.grad).toBe(2);
  });

  it('a node used in several places accumulates the gradient from every use', () => {
    // f = a*b + a*a + b ⇒ df/da = b + 2a, df/db = a + 1
    const a = new Value(-1.5);
    const b = new Value(4);
    const f = a.mul(b).add(a.mul(a)).add(b);
    f.backward();
    expect(a.grad).toBe(4 + 2 * -1.5);
    expect(b.grad).toBe(-1.5 + 1);
    // An interior node used twice: e = a*b; g = e*e + e ⇒ dg/de = 2e + 1.
    const e = a.mul(b);
    const g = e.mul(e).add(e);
    g.backward();
    expect(e.grad).toBe(2 * e.data + 1);
  });

  it('backward() twice without zeroing doubles the grads of leaves that feed the root directly', () => {
    const a = new Value(2);
    const b = new Value(-3);
    const p = a.mul(b);
    p.backward();
    expect([a.grad, b.grad]).toEqual([-3, 2]);
    p.backward();
    expect([a.grad, b.grad]).toEqual([-6, 4]);
    const x = new Value(5);
    const twice = x.add(x);
    twice.backward();
    twice.backward();
    expect(x.grad).toBe(4);
  });

  it('backward() twice without zeroing on a deeper graph: interior grads accumulate too, as in micrograd', () => {
    // micrograd's backward sets only the root's grad to 1; d and e still hold -2 from the first
    // pass and receive another -2, so the second pass pushes twice the first pass's gradient
    // through them. Leaf grads grow by (number of nodes on the path) × (path product):
    // f (path L→f, 2 nodes): 4 → 8;  c (L→d→c, 3 nodes): -2 → -6;  a (L→d→e→a, 4 nodes): 6 → 24.
    const { a, b, c, d, e, f, L } = lectureL();
    L.backward();
    L.backward();
    expect(L.grad).toBe(1);
    expect(d.grad).toBe(-4);
    expect(e.grad).toBe(-6);
    expect(f.grad).toBe(8);
    expect(c.grad).toBe(-6);
    expect(a.grad).toBe(24);
    expect(b.grad).toBe(-16);
    // zero_grad then backward gives the single-pass gradients back.
    zeroGrad(L);
    L.backward();
    expect([a.grad, b.grad, c.grad, f.grad, d.grad, e.grad]).toEqual([6, -4, -2, 4, -2, -2]);
  });

  it('relu is 0 for x < 0 and at 0, with gradient (out > 0) as micrograd', () => {
    const cases: Array<[number, number, number]> = [
      [-3, 0, 0],
      [0, 0, 0],
      [2.5, 2.5, 1],
    ];
    for (const [x, out, grad] of cases) {
      const v = new Value(x);
      const r = v.relu();
      expect(r.data).toBe(out);
      r.backward();
      expect(v.grad).toBe(grad);
    }
  });

  it('number operands become leaf Values, as micrograd wraps them', () => {
    const a = new Value(2, 'a');
    for (const out of [a.add(3), a.sub(3), a.mul(3), a.div(3)]) {
      expect(out.inputs).toHaveLength(2);
      const [first, second] = out.inputs;
      expect(first).toBe(a);
      expect(second).toBeInstanceOf(Value);
      expect(second!.data).toBe(3);
      expect(second!.op).toBeNull();
      expect(second!.inputs).toEqual([]);
    }
    const s = a.mul(3);
    s.backward();
    expect(a.grad).toBe(3);
    expect(s.inputs[1]!.grad).toBe(2); // the constant leaf gets its gradient too
    expect(leavesOf(s)).toHaveLength(2);
  });

  it('sub, div and neg compute what micrograd computes', () => {
    const a = new Value(7);
    const b = new Value(-2);
    expect(a.sub(b).data).toBe(9);
    expect(a.div(b).data).toBe(-3.5);
    expect(a.neg().data).toBe(-7);
    const q = a.div(b);
    q.backward();
    expect(a.grad).toBe(1 / -2);
    expect(b.grad).toBe(-7 / 4);
    // a / b is a * b**-1 in micrograd: the same double as a * (1/b).
    expect(new Value(1).div(3).data).toBe(1 * 3 ** -1);
  });

  it('pow has gradient k·x^(k−1) for integer, negative and fractional k', () => {
    const cases: Array<[number, number]> = [
      [3, 2],
      [-1.5, 3],
      [2, -1],
      [0.5, -2],
      [4, 0.5],
      [2.25, 1.5],
      [-2, 0],
      [1.7, 1],
    ];
    for (const [x, k] of cases) {
      const v = new Value(x);
      const y = v.pow(k);
      expect(y.data).toBe(x ** k);
      expect(y.k).toBe(k);
      y.backward();
      expectRel(v.grad, k === 0 ? 0 : k * x ** (k - 1), 1e-15);
    }
    // micrograd's pow takes a plain number exponent only.
    expect(() => new Value(2).pow(new Value(3) as unknown as number)).toThrow(TypeError);
  });

  it('x**0 has gradient 0 everywhere, including at x = 0 (not 0·0⁻¹ = NaN)', () => {
    for (const x of [0, -0, 3, -2]) {
      const v = new Value(x);
      const y = v.pow(0);
      expect(y.data).toBe(1);
      y.backward();
      expect(v.grad).toBe(0);
    }
  });

  it("the lecture's f(x) = 3x² − 4x + 5 has f(3) = 20 and slope 14", () => {
    const x = new Value(3);
    const f = x.pow(2).mul(3).sub(x.mul(4)).add(5);
    expect(f.data).toBe(20);
    f.backward();
    expect(x.grad).toBe(14);
  });

  it('exp, log, tanh and sigmoid have their textbook derivatives', () => {
    const x = 0.7;
    const cases: Array<[(v: Value) => Value, number, number]> = [
      [(v) => v.exp(), Math.exp(x), Math.exp(x)],
      [(v) => v.log(), Math.log(x), 1 / x],
      [(v) => v.tanh(), Math.tanh(x), 1 - Math.tanh(x) ** 2],
      [(v) => v.sigmoid(), 1 / (1 + Math.exp(-x)), Math.exp(-x) / (1 + Math.exp(-x)) ** 2],
    ];
    for (const [fn, value, slope] of cases) {
      const v = new Value(x);
      const y = fn(v);
      expectRel(y.data, value, 1e-15);
      y.backward();
      expectRel(v.grad, slope, 1e-14);
    }
  });

  it('tanh and sigmoid saturate to finite values for huge inputs', () => {
    expect(new Value(1000).tanh().data).toBe(1);
    expect(new Value(-1000).tanh().data).toBe(-1);
    expect(new Value(1e308).tanh().data).toBe(1);
    expect(new Value(1000).sigmoid().data).toBe(1);
    expect(new Value(-1000).sigmoid().data).toBe(0);
  });
});

describe('deep graphs', () => {
  const N = 100_000;

  it(`backward through a chain ${N} ops deep works and the gradient is 1.00001^N`, () => {
    const x = new Value(1.5, 'x');
    let y = x;
    for (let i = 0; i < N; i++) y = y.mul(1.00001);
    y.backward();
    const expected = 1.00001 ** N;
    // N roundings of relative size ≤ 2⁻⁵³ each: well inside 1e-9.
    expectRel(x.grad, expected, 1e-9);
    expectRel(y.data, 1.5 * expected, 1e-9);
    expect(topoSort(y)).toHaveLength(2 * N + 1); // each mul also made a constant leaf
  });

  it(`a node reused ${N} times along a chain gets the exact sum of its uses`, () => {
    const x = new Value(0.25, 'x');
    let y = x;
    for (let i = 0; i < N; i++) y = y.add(x);
    y.backward();
    expect(x.grad).toBe(N + 1);
    expect(y.data).toBe(0.25 * (N + 1));
    zeroGrad(y);
    expect(x.grad).toBe(0);
    x.data = 1;
    recompute(topoSort(y));
    expect(y.data).toBe(N + 1);
    expect(leavesOf(y)).toEqual([x]);
  });

  it(`a chain of ${N} unary ops (neg) backpropagates the right sign`, () => {
    const x = new Value(2);
    let y = x;
    for (let i = 0; i < N + 1; i++) y = y.neg();
    y.backward();
    expect(y.data).toBe(-2); // N + 1 is odd
    expect(x.grad).toBe(-1);
  });
});
