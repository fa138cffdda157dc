/**
 * Property tests: autograd on hundreds of random graphs per run, checked three ways:
 *  - against central finite differences (gradcheck),
 *  - against an independent forward-mode dual-number evaluator written here from the lecture's
 *    formulas and textbook derivative rules (no op.forward / op.local involved), which gives the
 *    exact derivative with respect to each leaf, free of finite-difference noise,
 *  - and backward()'s accumulation semantics when called twice.
 *
 * A random graph is a program: leaves, then steps that each apply a registry op to operands
 * picked from the pool of every node built so far (so nodes feed several later nodes). Guards
 * keep each op inside its domain and values bounded; the program is run by both evaluators.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradcheck, OPS, topoSort, zeroGrad, type OpDef, type Operand, Value } from '../../src/engine';

// ---------------------------------------------------------------------------------------------
// Programs

/** One instruction: node = type(node a, node b | number c; k). */
interface Instr {
  type: string;
  a: number;
  /** Index of the second input node, or null for unary ops and number operands. */
  b: number | null;
  /** A plain-number second operand (becomes a leaf inside the engine), or null. */
  c: number | null;
  k: number;
}

interface Program {
  leaves: number[];
  instrs: Instr[];
  /** Node index of the output. Nodes 0..leaves.length-1 are the leaves; then one per instr. */
  root: number;
}

/** One random step as fast-check generates it; interpreted per op by `buildProgram`. */
interface Step {
  op: number;
  i: number;
  j: number;
  useNumber: boolean;
  c: number;
  kIndex: number;
  positive: boolean;
}

const POW_KS = [0, 1, 2, 3, -1, -2, 0.5, -0.5, 1.5, 2.5] as const;
/** Pool values above this are squashed with tanh or sigmoid, so every pool value is ≤ 4 in size. */
const BOUND = 4;

// ---------------------------------------------------------------------------------------------
// The independent reference: dual numbers carrying value, derivative w.r.t. one leaf, and the
// derivative's absolute-value counterpart (the sum over paths of |products|), which scales the
// rounding error an honest reverse-mode result may have.

interface Dual {
  v: number;
  d: number;
  m: number;
}

/** micrograd's forward formulas, from the lecture (tanh via exp, a / b as a * b**-1). */
function refValue(type: string, a: number, b: number, k: number): number {
  switch (type) {
    case 'add':
      return a + b;
    case 'sub':
      return a + -b;
    case 'mul':
      return a * b;
    case 'div':
      return a * b ** -1;
    case 'pow':
      return a ** k;
    case 'neg':
      return a * -1;
    case 'relu':
      return a < 0 ? 0 : a;
    case 'tanh': {
      if (a > 350) return 1; // (e^2x − 1)/(e^2x + 1) is exactly 1 in doubles long before overflow
      const e = Math.exp(2 * a);
      return (e - 1) / (e + 1);
    }
    case 'exp':
      return Math.exp(a);
    case 'log':
      return Math.log(a);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-a));
    case 'softplus':
      // ln(1 + e^a) rearranged so e^x never overflows; compared bit for bit, so written the same way.
      return Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a)));
    default:
      throw new Error(`no reference rule for op '${type}': add one to property.test.ts`);
  }
}

/** Forward-mode rule: the derivative of type(x, y) from the inputs' duals (textbook calculus). */
function dualStep(type: string, x: Dual, y: Dual, k: number): Dual {
  const v = refValue(type, x.v, y.v, k);
  switch (type) {
    case 'add':
      return { v, d: x.d + y.d, m: x.m + y.m };
    case 'sub':
      return { v, d: x.d - y.d, m: x.m + y.m };
    case 'mul':
      return { v, d: x.d * y.v + x.v * y.d, m: x.m * Math.abs(y.v) + Math.abs(x.v) * y.m };
    case 'div':
      return {
        v,
        d: x.d / y.v - (x.v * y.d) / (y.v * y.v),
        m: x.m / Math.abs(y.v) + (Math.abs(x.v) * y.m) / (y.v * y.v),
      };
    case 'pow': {
      const s = k === 0 ? 0 : k * x.v ** (k - 1); // d/dx x^0 = 0, also at x = 0
      return { v, d: s * x.d, m: Math.abs(s) * x.m };
    }
    case 'neg':
      return { v, d: -x.d, m: x.m };
    case 'relu':
      return v > 0 ? { v, d: x.d, m: x.m } : { v, d: 0, m: 0 };
    case 'tanh':
      return { v, d: (1 - v * v) * x.d, m: (1 - v * v) * x.m };
    case 'exp':
      return { v, d: v * x.d, m: v * x.m };
    case 'log':
      return { v, d: x.d / x.v, m: x.m / Math.abs(x.v) };
    case 'sigmoid':
      return { v, d: v * (1 - v) * x.d, m: v * (1 - v) * x.m };
    case 'softplus': {
      const s = 1 / (1 + Math.exp(-x.v)); // d/dx ln(1 + e^x) = e^x/(1 + e^x)
      return { v, d: s * x.d, m: s * x.m };
    }
    default:
      throw new Error(`no dual-number rule for op '${type}': add one to property.test.ts`);
  }
}

const UNARY = new Set(['pow', 'neg', 'relu', 'tanh', 'exp', 'log', 'sigmoid', 'softplus']);

/** Every node's dual with respect to leaf `wrt` (or plain values when wrt is -1). */
function evalDual(p: Program, wrt: number): Dual[] {
  const nodes: Dual[] = p.leaves.map((v, i) => (i === wrt ? { v, d: 1, m: 1 } : { v, d: 0, m: 0 }));
  for (const ins of p.instrs) {
    const x = nodes[ins.a]!;
    const y: Dual = ins.b !== null ? nodes[ins.b]! : { v: ins.c ?? 0, d: 0, m: 0 };
    nodes.push(dualStep(ins.type, x, y, ins.k));
  }
  return nodes;
}

// ---------------------------------------------------------------------------------------------
// Building a program from random steps, over every registry op.

function buildProgram(leaves: number[], steps: Step[], ops: readonly OpDef[]): Program {
  const instrs: Instr[] = [];
  const values = [...leaves];
  const pool = leaves.map((_, i) => i);
  const emit = (type: string, a: number, b: number | null, c: number | null = null, k = 0): number => {
    instrs.push({ type, a, b, c, k });
    values.push(refValue(type, values[a]!, b !== null ? values[b]! : (c ?? 0), k));
    return values.length - 1;
  };
  /** tanh(y) ± 1.5: a divisor / negative-power base at least 0.5 away from 0, of either sign. */
  const awayFromZero = (y: number, positive: boolean) => emit('add', emit('tanh', y, null), null, positive ? 1.5 : -1.5);
  /** y·y + c with c > 0: a log argument / fractional-power base that is positive. */
  const positiveOf = (y: number, c: number) => emit('add', emit('mul', y, y), null, 0.1 + Math.abs(c) / 4);

  for (const s of steps) {
    const op = ops[s.op % ops.length]!;
    const x = pool[s.i % pool.length]!;
    const y = pool[s.j % pool.length]!;
    let out: number;
    switch (op.type) {
      case 'div':
        out = s.useNumber
          ? emit('div', x, null, (s.positive ? 1 : -1) * (0.5 + Math.abs(s.c)))
          : emit('div', x, awayFromZero(y, s.positive));
        break;
      case 'log':
        out = emit('log', positiveOf(x, s.c), null);
        break;
      case 'pow': {
        const k = POW_KS[s.kIndex % POW_KS.length]!;
        const base = !Number.isInteger(k) ? positiveOf(x, s.c) : k < 0 ? awayFromZero(x, s.positive) : x;
        out = emit('pow', base, null, null, k);
        break;
      }
      default:
        if (op.inputs.length === 2) out = s.useNumber ? emit(op.type, x, null, s.c) : emit(op.type, x, y);
        else if (UNARY.has(op.type)) out = emit(op.type, x, null, null, op.param?.defaultValue ?? 0);
        else throw new Error(`no safe-domain rule for op '${op.type}': add one to property.test.ts`);
    }
    if (Math.abs(values[out]!) > BOUND) out = emit(s.positive ? 'tanh' : 'sigmoid', out, null);
    pool.push(out);
  }
  // The output sums the whole pool, so every node built is used once more at the end.
  let root = pool[0]!;
  for (let i = 1; i < pool.length; i++) root = emit('add', root, pool[i]!);
  return { leaves, instrs, root };
}

/** Calls Value's generated method for an op type, as user code would. */
function call(v: Value, type: string, arg?: Operand): Value {
  const method = (v as unknown as Record<string, ((x?: Operand) => Value) | undefined>)[type];
  if (typeof method !== 'function') throw new Error(`Value has no method '${type}'`);
  return method.call(v, arg);
}

/** Runs a program on the engine. Returns every node (index-aligned with the program) and the leaves. */
function runEngine(p: Program): { nodes: Value[]; leaves: Value[]; root: Value } {
  const leaves = p.leaves.map((v, i) => new Value(v, `x${i}`));
  const nodes: Value[] = [...leaves];
  for (const ins of p.instrs) {
    const a = nodes[ins.a]!;
    let out: Value;
    if (ins.b !== null) out = call(a, ins.type, nodes[ins.b]!);
    else if (ins.c !== null) out = call(a, ins.type, ins.c);
    else if (ins.type === 'pow') out = call(a, ins.type, ins.k);
    else out = call(a, ins.type);
    nodes.push(out);
  }
  return { nodes, leaves, root: nodes[p.root]! };
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** The ops refValue, dualStep and buildProgram have rules for. */
const REFERENCE_OPS = new Set(['add', 'sub', 'mul', 'div', 'pow', 'neg', 'relu', 'tanh', 'exp', 'log', 'sigmoid', 'softplus']);
const ALL_OPS = OPS as readonly OpDef[];
/**
 * The ops random graphs are built from: every registered op this file has rules for. A newly
 * registered op without rules fails the coverage test below (and only that test).
 */
const ops = ALL_OPS.filter((op) => REFERENCE_OPS.has(op.type));
const leafValue = fc.double({ min: -2, max: 2, noNaN: true });
const step: fc.Arbitrary<Step> = fc.record({
  op: fc.nat({ max: ops.length - 1 }),
  i: fc.nat(),
  j: fc.nat(),
  useNumber: fc.boolean(),
  c: fc.double({ min: -2, max: 2, noNaN: true }),
  kIndex: fc.nat({ max: POW_KS.length - 1 }),
  positive: fc.boolean(),
});
const program: fc.Arbitrary<Program> = fc
  .record({
    leaves: fc.array(leafValue, { minLength: 1, maxLength: 4 }),
    steps: fc.array(step, { minLength: 1, maxLength: 14 }),
  })
  .map(({ leaves, steps }) => buildProgram(leaves, steps, ops));

const NUM_RUNS = 300;

/** |actual − expected| ≤ rel · scale, with a message that says how far off it was. */
function expectWithin(actual: number, expected: number, scale: number, rel: number, what: string): void {
  expect(Number.isFinite(actual), `${what}: ${actual} is not finite`).toBe(true);
  const err = Math.abs(actual - expected);
  expect(err <= rel * scale, `${what}: ${actual} vs ${expected} (|diff| ${err}, allowed ${rel * scale})`).toBe(true);
}

// ---------------------------------------------------------------------------------------------

describe('random graphs', () => {
  it('the generator and the reference cover every registry op', () => {
    // A new op needs a reference rule and a safe-domain rule here before this file can test it.
    for (const op of ALL_OPS) {
      expect(REFERENCE_OPS.has(op.type), `op '${op.type}' has no reference rules in property.test.ts`).toBe(true);
      expect(() => refValue(op.type, 0.5, 0.75, op.param?.defaultValue ?? 0), op.type).not.toThrow();
      const x: Dual = { v: 0.5, d: 1, m: 1 };
      expect(() => dualStep(op.type, x, x, op.param?.defaultValue ?? 0), op.type).not.toThrow();
      const p = buildProgram([0.5, -0.25], [{ op: ops.indexOf(op), i: 0, j: 1, useNumber: false, c: 0.3, kIndex: 2, positive: true }], ops);
      expect(p.instrs.some((ins) => ins.type === op.type), op.type).toBe(true);
    }
  });

  it('generated graphs reuse nodes and use every op', () => {
    const seen = new Set<string>();
    let reused = 0;
    fc.assert(
      fc.property(program, (p) => {
        for (const ins of p.instrs) seen.add(ins.type);
        const uses = new Map<number, number>();
        for (const ins of p.instrs) {
          uses.set(ins.a, (uses.get(ins.a) ?? 0) + 1);
          if (ins.b !== null) uses.set(ins.b, (uses.get(ins.b) ?? 0) + 1);
        }
        if ([...uses.values()].some((n) => n > 1)) reused++;
        expect(runEngine(p).root.data).toBe(evalDual(p, -1)[p.root]!.v);
      }),
      { numRuns: NUM_RUNS },
    );
    expect([...seen].sort()).toEqual(ops.map((op) => op.type).sort());
    expect(reused).toBe(NUM_RUNS); // the final sum alone reuses every pool node
  });

  it('forward values equal an independent re-evaluation with the lecture’s formulas, bit for bit', () => {
    fc.assert(
      fc.property(program, (p) => {
        const { nodes } = runEngine(p);
        const ref = evalDual(p, -1);
        for (let i = 0; i < nodes.length; i++) {
          expect(nodes[i]!.data, `node ${i} (${i < p.leaves.length ? 'leaf' : p.instrs[i - p.leaves.length]!.type})`).toBe(ref[i]!.v);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('autograd equals exact forward-mode (dual-number) derivatives, to 1e-12 of the condition scale', () => {
    fc.assert(
      fc.property(program, (p) => {
        const { leaves, root } = runEngine(p);
        root.backward();
        for (let l = 0; l < leaves.length; l++) {
          const dual = evalDual(p, l)[p.root]!;
          // m is Σ over paths of |local products| ≥ |d|, the scale of the rounding error either
          // mode may make (plain relative error is meaningless where paths cancel and d ≈ 0).
          // Observed differences are below 1e-15·m; 1e-12·m catches any wrong rule. When every
          // path is cut (relu at 0), m = 0 and the grad must be exactly 0.
          expectWithin(leaves[l]!.grad, dual.d, dual.m, 1e-12, `d root / d x${l}`);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('autograd agrees with central finite differences (gradcheck) away from relu kinks', () => {
    let worst = 0;
    fc.assert(
      fc.property(program, (p) => {
        const { nodes, leaves, root } = runEngine(p);
        // relu is not differentiable at 0: keep every relu input well clear of it.
        fc.pre(p.instrs.every((ins) => ins.type !== 'relu' || Math.abs(nodes[ins.a]!.data) > 1e-2));
        const results = gradcheck(root, { leaves, tolerance: 1e-6 });
        expect(results).toHaveLength(leaves.length);
        for (const r of results) {
          worst = Math.max(worst, r.error);
          expect(r.ok, `${r.leaf.label}: autograd ${r.autograd} vs central ${r.central} (error ${r.error})`).toBe(true);
        }
        for (let l = 0; l < leaves.length; l++) expect(leaves[l]!.data).toBe(p.leaves[l]);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(worst).toBeLessThan(1e-6); // observed: about 1e-9
  });

  it('backward is deterministic: zero_grad then backward gives the same grads bit for bit', () => {
    fc.assert(
      fc.property(program, (p) => {
        const { leaves, root } = runEngine(p);
        root.backward();
        const first = leaves.map((v) => v.grad);
        zeroGrad(root);
        for (const v of topoSort(root)) expect(v.grad).toBe(0);
        root.backward();
        expect(leaves.map((v) => v.grad)).toEqual(first);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('backward twice without zeroing', () => {
  it('doubles the leaf grads when the root is a single op on leaves', () => {
    const binary = ops.filter((op) => op.inputs.length === 2);
    fc.assert(
      fc.property(
        fc.constantFrom(...binary),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.boolean(),
        (op, a, b, same) => {
          const x = new Value(a);
          const y = same ? x : new Value(b);
          const out = call(x, op.type, y);
          out.backward();
          const once = [x.grad, y.grad];
          out.backward();
          // With x as both inputs its grad is a sum of two contributions, so allow rounding.
          expectWithin(x.grad, 2 * once[0]!, 2 * Math.abs(once[0]!) + 1e-300, 1e-15, 'x');
          expectWithin(y.grad, 2 * once[1]!, 2 * Math.abs(once[1]!) + 1e-300, 1e-15, 'y');
          if (!same) expect([x.grad, y.grad]).toEqual(once.map((g) => 2 * g));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('doubles the leaf grads when only the interior grads are zeroed in between', () => {
    fc.assert(
      fc.property(program, (p) => {
        const { leaves, root } = runEngine(p);
        root.backward();
        const once = leaves.map((v) => v.grad);
        for (const v of topoSort(root)) if (v.op !== null) v.grad = 0;
        root.backward();
        leaves.forEach((v, l) => expectWithin(v.grad, 2 * once[l]!, evalDual(p, l)[p.root]!.m, 1e-12, `x${l}`));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('in general adds Σ_w grad₁(w)·∂w/∂x to each leaf x, because micrograd’s interior grads accumulate too', () => {
    // The second pass starts from root.grad = 1 and every other node still holding its first-pass
    // grad g₁, so each node re-seeds its own g₁: grad₂(x) = Σ over nodes w of g₁(w)·∂w/∂x.
    // Only leaves one op below the root see exactly 2·g₁; deeper leaves see more.
    let grewMoreThanDouble = 0;
    fc.assert(
      fc.property(program, (p) => {
        const { nodes, leaves, root } = runEngine(p);
        root.backward();
        const g1 = nodes.map((v) => v.grad);
        const once = leaves.map((v) => v.grad);
        root.backward();
        for (let l = 0; l < leaves.length; l++) {
          const duals = evalDual(p, l);
          let expected = 0;
          let scale = 0;
          for (let w = 0; w < nodes.length; w++) {
            expected += g1[w]! * duals[w]!.d;
            scale += Math.abs(g1[w]!) * duals[w]!.m;
          }
          expectWithin(leaves[l]!.grad, expected, scale, 1e-12, `second-pass grad of x${l}`);
          if (Math.abs(leaves[l]!.grad - 2 * once[l]!) > 1e-9 * scale) grewMoreThanDouble++;
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(grewMoreThanDouble).toBeGreaterThan(0);
  });
});
