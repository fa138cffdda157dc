import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradcheck, OPS, topoSort, Value, type OpType, type Operand } from '../engine';
import { evaluate, type Evaluation, type NodeResult } from './evaluate';
import { EMPTY_DOC, type DocNode, type GraphDoc, type Wire } from './types';

import { docOf, konst, lecture, op, val, wire } from './testDocs';

function result(ev: Evaluation, id: string): NodeResult {
  const r = ev.results.get(id);
  if (!r) throw new Error(`no result for '${id}'`);
  return r;
}

/** Equal as doubles: the same number, or both NaN. */
function same(actual: number, expected: number): boolean {
  return actual === expected || (Number.isNaN(actual) && Number.isNaN(expected));
}

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null) {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

describe('evaluate: the lecture example', () => {
  it('gives the data and grads of L = (a*b + c) * f', () => {
    const ev = evaluate(lecture());
    const data = Object.fromEntries([...ev.results].map(([id, r]) => [id, r.data]));
    const grad = Object.fromEntries([...ev.results].map(([id, r]) => [id, r.passGrad]));
    expect(data).toEqual({ a: 2, b: -3, c: 10, f: -2, e: -6, d: 4, L: -8 });
    expect(grad).toEqual({ a: 6, b: -4, c: -2, f: 4, e: -2, d: -2, L: 1 });
    expect(ev.output).toBe('L');
    for (const r of ev.results.values()) expect(r.error).toBeNull();
  });

  it('reports nodes in topological order and exposes the engine Values', () => {
    const ev = evaluate(lecture());
    const pos = new Map(ev.order.map((id, i) => [id, i]));
    for (const w of Object.values(lecture().wires)) expect(pos.get(w.source)!).toBeLessThan(pos.get(w.target)!);
    expect(ev.order).toHaveLength(7);
    const L = ev.values.get('L')!;
    expect(L).toBeInstanceOf(Value);
    expect(L.data).toBe(-8);
    expect(L.label).toBe('L');
    expect(L.op?.type).toBe('mul');
    expect(L.a).toBe(ev.values.get('d'));
    expect(L.b).toBe(ev.values.get('f'));
    expect(ev.values.get('a')!.label).toBe('a');
  });

  it('backpropagates from the marked output, not the sink', () => {
    const ev = evaluate({ ...lecture(), output: 'd' });
    expect(ev.output).toBe('d');
    expect(result(ev, 'd').passGrad).toBe(1);
    expect(result(ev, 'e').passGrad).toBe(1);
    expect(result(ev, 'a').passGrad).toBe(-3);
    expect(result(ev, 'b').passGrad).toBe(2);
    expect(result(ev, 'c').passGrad).toBe(1);
    // Downstream of the output, or beside it: not on the path, so 0.
    expect(result(ev, 'L').passGrad).toBe(0);
    expect(result(ev, 'f').passGrad).toBe(0);
    expect(result(ev, 'L').data).toBe(-8);
  });

  it('gives grad 0 to nodes not upstream of the output', () => {
    const doc = lecture();
    const withStray = docOf(
      [...Object.values(doc.nodes), val('x', 0.5), op('t', 'tanh'), konst('k', 3)],
      [...Object.values(doc.wires), wire('x', 't', 'x')],
    );
    const ev = evaluate(withStray);
    expect(ev.output).toBe('L');
    expect(result(ev, 't').data).toBeCloseTo(Math.tanh(0.5), 15);
    for (const id of ['x', 't', 'k']) expect(result(ev, id).passGrad).toBe(0);
    expect(result(ev, 'a').passGrad).toBe(6);
  });

  it('accumulates the grad of a node used twice: b = a + a gives a.grad 2', () => {
    const ev = evaluate(docOf([val('a', 3), op('b', 'add')], [wire('a', 'b', 'a'), wire('a', 'b', 'b')]));
    expect(result(ev, 'b').data).toBe(6);
    expect(result(ev, 'a').passGrad).toBe(2);
    // And a * a: d(a²)/da = 2a.
    const sq = evaluate(docOf([val('a', 3), op('m', 'mul')], [wire('a', 'm', 'a'), wire('a', 'm', 'b')]));
    expect(result(sq, 'a').passGrad).toBe(6);
  });

  it('uses the op parameter and turns constants into unlabeled leaves', () => {
    const ev = evaluate(docOf([konst('k', 3), op('p', 'pow', 3)], [wire('k', 'p', 'x')]));
    expect(result(ev, 'p').data).toBe(27);
    expect(result(ev, 'k').passGrad).toBe(27);
    expect(ev.values.get('k')!.label).toBe('');
  });

  it('handles the empty document and a lone leaf', () => {
    expect(evaluate(EMPTY_DOC)).toEqual({ results: new Map(), output: null, order: [], values: new Map(), params: new Map(), outputKey: null });
    const ev = evaluate(docOf([val('a', 4)]));
    expect(ev.output).toBe('a');
    expect(result(ev, 'a')).toEqual({ data: 4, passGrad: 1, error: null });
  });
});

describe('evaluate: errors are marked on nodes, never thrown', () => {
  it('marks a missing input, naming the port, and everything downstream as upstream', () => {
    // m = a * ?; t = tanh(m); s = t + a.
    const doc = docOf(
      [val('a', 2), op('m', 'mul'), op('t', 'tanh'), op('s', 'add')],
      [wire('a', 'm', 'a'), wire('m', 't', 'x'), wire('t', 's', 'a'), wire('a', 's', 'b')],
    );
    let ev: Evaluation | undefined;
    expect(() => (ev = evaluate(doc))).not.toThrow();
    const m = result(ev!, 'm');
    expect(m.error).toEqual({ kind: 'missing-input', ports: ['b'], message: expect.stringContaining("'b'") });
    expect(m.data).toBeNaN();
    for (const id of ['t', 's']) {
      expect(result(ev!, id).error?.kind, id).toBe('upstream');
      expect(result(ev!, id).data).toBeNaN();
    }
    expect(result(ev!, 'a').error).toBeNull();
    expect(result(ev!, 'a').data).toBe(2);
    // The output (s) cannot be computed, so no backward pass ran.
    expect(ev!.output).toBeNull();
    expect(result(ev!, 'a').passGrad).toBe(0);
    expect(ev!.values.has('m')).toBe(false);
  });

  it('names both ports when a binary op has no inputs', () => {
    const ev = evaluate(docOf([op('m', 'div')]));
    const error = result(ev, 'm').error;
    expect(error).toMatchObject({ kind: 'missing-input', ports: ['a', 'b'] });
    expect(error?.message).toMatch(/'a' and 'b'/);
  });

  it('marks division by zero as non-finite and everything downstream as upstream', () => {
    // q = a / z with z = 0; s = q + a; m = s * a.
    const doc = docOf(
      [val('a', 1), konst('z', 0), op('q', 'div'), op('s', 'add'), op('m', 'mul')],
      [wire('a', 'q', 'a'), wire('z', 'q', 'b'), wire('q', 's', 'a'), wire('a', 's', 'b'), wire('s', 'm', 'a'), wire('a', 'm', 'b')],
    );
    let ev: Evaluation | undefined;
    expect(() => (ev = evaluate(doc))).not.toThrow();
    expect(result(ev!, 'q').data).toBe(Infinity);
    expect(result(ev!, 'q').error).toEqual({ kind: 'non-finite', message: expect.stringMatching(/division by zero/) });
    expect(result(ev!, 's').error?.kind).toBe('upstream');
    expect(result(ev!, 'm').error?.kind).toBe('upstream');
    expect(result(ev!, 'a').error).toBeNull();
    expect(result(ev!, 'z').error).toBeNull();
  });

  it('marks 0 / 0 as a division by zero too', () => {
    const doc = docOf([konst('z', 0), op('q', 'div')], [wire('z', 'q', 'a'), wire('z', 'q', 'b')]);
    const q = result(evaluate(doc), 'q');
    expect(q.data).toBeNaN();
    expect(q.error).toEqual({ kind: 'non-finite', message: expect.stringMatching(/division by zero/) });
  });

  it('explains log(-1) with a reason that mentions log', () => {
    const doc = docOf([val('c', -1), op('n', 'log'), op('t', 'exp')], [wire('c', 'n', 'x'), wire('n', 't', 'x')]);
    const ev = evaluate(doc);
    expect(result(ev, 'n').data).toBeNaN();
    expect(result(ev, 'n').error).toEqual({ kind: 'non-finite', message: expect.stringMatching(/log/) });
    expect(result(ev, 't').error?.kind).toBe('upstream');
  });

  it('marks a non-finite leaf', () => {
    const ev = evaluate(docOf([val('a', Infinity)]));
    expect(result(ev, 'a').error?.kind).toBe('non-finite');
  });

  // When an op maps a non-finite input to a finite value (tanh(±Infinity) = ±1, relu(-Infinity) = 0,
  // x / Infinity = 0, ...), the node is still tainted: its grads are NaN.
  it('marks a node upstream when its input is non-finite but its own value is finite', () => {
    // q = a / 0 = Infinity; t = tanh(q) = 1; s = t + a = 2.
    const doc = docOf(
      [val('a', 1), konst('z', 0), op('q', 'div'), op('t', 'tanh'), op('s', 'add')],
      [wire('a', 'q', 'a'), wire('z', 'q', 'b'), wire('q', 't', 'x'), wire('t', 's', 'a'), wire('a', 's', 'b')],
    );
    const ev = evaluate(doc);
    expect(result(ev, 'q').error?.kind).toBe('non-finite');
    expect(result(ev, 't').error?.kind).toBe('upstream');
    expect(result(ev, 's').error?.kind).toBe('upstream');
  });

  it('marks an unknown op and the nodes on a cycle of a damaged document', () => {
    const doc = docOf(
      [val('a', 1), op('u', 'nope' as OpType), op('p', 'neg'), op('q', 'neg')],
      [wire('a', 'u', 'x'), wire('p', 'q', 'x'), wire('q', 'p', 'x')],
    );
    let ev: Evaluation | undefined;
    expect(() => (ev = evaluate(doc))).not.toThrow();
    expect(result(ev!, 'u').error?.message).toMatch(/unknown op 'nope'/);
    expect(result(ev!, 'p').error?.kind).toBe('cycle');
    expect(result(ev!, 'q').error?.kind).toBe('cycle');
    expect(result(ev!, 'a').error).toBeNull();
  });
});

describe('evaluate is pure', () => {
  it('leaves the document untouched and writes no data or grad into it', () => {
    const doc = lecture();
    const before = structuredClone(doc);
    deepFreeze(doc);
    evaluate(doc);
    expect(doc).toEqual(before);
    for (const node of Object.values(doc.nodes)) {
      expect(node).not.toHaveProperty('data');
      expect(node).not.toHaveProperty('grad');
    }
  });

  it('gives equal results when called twice, with fresh Values', () => {
    const doc = { ...lecture(), output: 'd' };
    const first = evaluate(doc);
    const second = evaluate(doc);
    expect(second.results).toEqual(first.results);
    expect(second.order).toEqual(first.order);
    expect(second.output).toBe(first.output);
    expect([...second.values.keys()]).toEqual([...first.values.keys()]);
    for (const [id, v] of first.values) {
      const w = second.values.get(id)!;
      expect(w).not.toBe(v);
      expect([w.data, w.grad]).toEqual([v.data, v.grad]);
    }
    // Grads did not accumulate across calls.
    expect(result(second, 'a').passGrad).toBe(-3);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: evaluate agrees with the engine used directly, and with finite differences.

const OP_TYPES = OPS.map((o) => o.type) as OpType[];

/** A leaf of the random document. */
interface LeafSpec {
  kind: 'value' | 'constant';
  value: number;
}
/** An op of the random document; inputs are indices into the nodes before it. */
interface OpSpec {
  op: OpType;
  a: number;
  b: number;
  k: number;
}
interface DocSpec {
  leaves: LeafSpec[];
  ops: OpSpec[];
  /** Index of the node marked as output. */
  output: number;
  /** Sort keys that shuffle the insertion order of the nodes in the document. */
  shuffle: number[];
}

const leafArb: fc.Arbitrary<LeafSpec> = fc.record({
  kind: fc.constantFrom<'value' | 'constant'>('value', 'constant'),
  value: fc.oneof(
    { weight: 4, arbitrary: fc.double({ min: -3, max: 3, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(0, 1, -1, 0.5, 2) },
  ),
});

const opArb: fc.Arbitrary<OpSpec> = fc.record({
  op: fc.constantFrom(...OP_TYPES),
  a: fc.nat(),
  b: fc.nat(),
  k: fc.constantFrom(2, 3, -1, 0.5, 1.5, 0),
});

const docSpecArb: fc.Arbitrary<DocSpec> = fc
  .tuple(fc.array(leafArb, { minLength: 1, maxLength: 5 }), fc.array(opArb, { minLength: 1, maxLength: 12 }))
  .chain(([leaves, ops]) => {
    const n = leaves.length + ops.length;
    return fc.record({
      leaves: fc.constant(leaves),
      // Mostly the last node (the whole expression), sometimes any node.
      output: fc.oneof({ weight: 3, arbitrary: fc.constant(n - 1) }, { weight: 1, arbitrary: fc.nat({ max: n - 1 }) }),
      ops: fc.constant(ops),
      shuffle: fc.array(fc.double({ noNaN: true }), { minLength: n, maxLength: n }),
    });
  });

/** The document the spec describes: node i is `n${i}`, wired only to earlier nodes. */
function buildDoc(spec: DocSpec): GraphDoc {
  const nodes: DocNode[] = spec.leaves.map((l, i) => (l.kind === 'value' ? val(`n${i}`, l.value) : konst(`n${i}`, l.value)));
  const wires: Wire[] = [];
  spec.ops.forEach((o, j) => {
    const i = spec.leaves.length + j;
    const def = OPS.find((d) => d.type === o.op)!;
    nodes.push(op(`n${i}`, o.op, 'param' in def ? o.k : undefined));
    const sources = [o.a % i, o.b % i];
    def.inputs.forEach((port, p) => wires.push(wire(`n${sources[p]}`, `n${i}`, port)));
  });
  const order = nodes.map((_, i) => i).sort((x, y) => spec.shuffle[x]! - spec.shuffle[y]! || x - y);
  return docOf(
    order.map((i) => nodes[i]!),
    wires,
    `n${spec.output}`,
  );
}

type Method = (this: Value, arg?: Operand) => Value;

/** The same expression built with the engine's Value methods, as a user of src/engine would. */
function buildValues(spec: DocSpec): Value[] {
  const values: Value[] = spec.leaves.map((l) => new Value(l.value));
  spec.ops.forEach((o, j) => {
    const i = spec.leaves.length + j;
    const def = OPS.find((d) => d.type === o.op)!;
    const x = values[o.a % i]!;
    const method = (x as unknown as Record<string, Method>)[o.op]!;
    if (def.inputs.length === 2) values.push(method.call(x, values[o.b % i]!));
    else if ('param' in def) values.push(method.call(x, o.k));
    else values.push(method.call(x));
  });
  return values;
}

describe('evaluate: property tests against the engine', () => {
  it('gives exactly the data and grads of the same expression built with Value methods', () => {
    fc.assert(
      fc.property(docSpecArb, (spec) => {
        const doc = buildDoc(spec);
        const ev = evaluate(doc);
        const direct = buildValues(spec);
        direct[spec.output]!.backward();
        expect(ev.output).toBe(`n${spec.output}`);
        direct.forEach((v, i) => {
          const r = result(ev, `n${i}`);
          if (!same(r.data, v.data)) throw new Error(`n${i}: data ${r.data} !== ${v.data}`);
          if (!same(r.passGrad, v.grad)) throw new Error(`n${i}: grad ${r.passGrad} !== ${v.grad}`);
          expect(ev.values.get(`n${i}`)!.data).toBe(r.data);
          if (r.error === null && !Number.isFinite(r.data)) throw new Error(`n${i}: ${r.data} without an error`);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with finite differences wherever the expression is smooth', () => {
    const NEAR = 1e-2;
    fc.assert(
      fc.property(docSpecArb, (spec) => {
        const ev = evaluate(buildDoc(spec));
        const root = ev.values.get(`n${spec.output}`)!;
        const graph = topoSort(root);
        // Skip points where finite differences say nothing: non-finite or huge numbers, and
        // points within reach of a kink or a pole (relu at 0, x/0, log 0, x^k at 0).
        for (const v of graph) {
          fc.pre(Number.isFinite(v.data) && Math.abs(v.data) <= 100);
          fc.pre(Number.isFinite(v.grad) && Math.abs(v.grad) <= 1e3);
          const type = v.op?.type;
          const x = v.a?.data ?? 0;
          if (type === 'relu' || type === 'log' || type === 'pow') fc.pre(Math.abs(x) > NEAR);
          if (type === 'div') fc.pre(Math.abs(v.b!.data) > NEAR);
        }
        for (const check of gradcheck(root)) {
          if (!check.ok) {
            throw new Error(`leaf ${check.leaf.data}: autograd ${check.autograd} vs central ${check.central} (error ${check.error})`);
          }
        }
        // gradcheck recomputed the graph in place; it must be left as evaluate made it.
        expect(root.data).toBe(result(ev, `n${spec.output}`).data);
      }),
      { numRuns: 500 },
    );
  });
});
