import { createRng } from '../../src/data/random';
import { OPS, type OpType, type Value } from '../../src/engine';
import { planProgram, type PlanValueRef } from '../../src/document/codegen/plan';
import { evaluate, type Evaluation } from '../../src/document/evaluate';
import { outputKey } from '../../src/document/ports';
import { NetBuilder } from '../../src/document/NetBuilder';
import { DocBuilder, type NodeRef } from '../../src/document/presets/DocBuilder';
import type { GraphDoc } from '../../src/document/types';
import type { PrintedNode } from '../python/runPython';

/**
 * What the canvas shows for the variables an exported program prints, and random graphs to
 * export: shared by the micrograd, TypeScript and PyTorch export tests, which all compare a
 * program's printed numbers with the canvas's.
 */

/** What evaluate says for each Value the program prints, in the program's order. */
export function expectedLines(doc: GraphDoc): PrintedNode[] {
  const ev = evaluate(doc);
  return planProgram(doc).steps.flatMap((s) => (s.kind === 'skip' ? [] : s.prints.map((p) => ({ label: p.label, ...canvasNumbers(ev, p.of) }))));
}

/** The data and grad evaluate has for a printed variable: a node's output, or a weight or bias a node owns. */
export function canvasNumbers(ev: Evaluation, of: PlanValueRef): { data: number; grad: number } {
  if (of.kind === 'output') {
    const v = ev.values.get(outputKey(of.id, of.port));
    if (v) return { data: v.data, grad: v.grad };
    const r = ev.results.get(of.id)!;
    return { data: r.data, grad: r.passGrad };
  }
  const owned = ev.params.get(of.id)!;
  let v: Value;
  if (of.kind === 'weight') v = of.neuron === null ? (owned.weights as Value[])[of.input]! : (owned.weights as Value[][])[of.neuron]![of.input]!;
  else v = of.neuron === null ? (owned.bias as Value) : (owned.bias as Value[])[of.neuron]!;
  return { data: v.data, grad: v.grad };
}

/**
 * A random graph: leaves with arbitrary doubles, constants, every op, awkward labels (keywords,
 * duplicates, spaces, quotes), sometimes an output that is not a sink. Returns null when the
 * canvas shows a non-finite number (nothing to compare), or any |data| over 300: beyond that
 * math.exp in the Python helpers raises OverflowError where JavaScript returns Infinity, and
 * the engine's tanh and sigmoid saturate where the helpers overflow.
 */
export function randomGraph(seed: number): GraphDoc | null {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)]!;
  const labels = ['', '', '', 'a', 'a', 'x', 'lambda', 'new', 'Value', 'print', 'n1', "it's", 'x1*w1 + x2*w2', 'L1.N0.w0', '2n', '-a', 'α', 'back\\slash', 'e - 1', 'e + 1'];
  const g = new DocBuilder();
  const refs: NodeRef[] = [];
  const leaves = 2 + rng.int(4);
  for (let i = 0; i < leaves; i++) {
    if (rng.next() < 0.3) refs.push(g.constant(pick([2, -1, 0.5, -3.25, 1e-7, 10])));
    else refs.push(g.value(rng.uniform(-2, 2), pick(labels)));
  }
  const ops = 3 + rng.int(12);
  for (let i = 0; i < ops; i++) {
    const op = pick(OPS);
    const inputs = op.inputs.map(() => (rng.next() < 0.15 ? pick([2, -1, 3.5]) : pick(refs)));
    refs.push(g.op(op.type as OpType, inputs, pick(labels), pick([2, 3, -1, 0.5, -2])));
  }
  if (rng.next() < 0.3) g.output(pick(refs));
  const doc = g.build();
  const ev = evaluate(doc);
  for (const r of ev.results.values()) {
    if (r.error !== null || !Number.isFinite(r.data) || !Number.isFinite(r.passGrad) || Math.abs(r.data) > 300) return null;
  }
  return doc;
}

/** The first `count` random graphs that have something to compare (seeds 1, 2, ...). */
export function randomGraphs(count: number): GraphDoc[] {
  const docs: GraphDoc[] = [];
  for (let seed = 1; docs.length < count; seed++) {
    const doc = randomGraph(seed);
    if (doc) docs.push(doc);
  }
  return docs;
}

/**
 * Three classes: two inputs, a tanh Layer node of two neurons, a linear Layer node of three
 * scores, and a softmax cross-entropy over them against a target class of 0, 1 or 2.
 */
export function softmaxNetwork(targetClass: number): GraphDoc {
  const g = new NetBuilder();
  const x1 = g.input('x1', 0, 0.5);
  const x2 = g.input('x2', 1, -1.5);
  const h = g.layer('h', 'tanh', [[0.8, -0.4], [-0.3, 0.9]], [0.1, 0.2], [x1, x2]);
  const scores = g.layer('s', 'linear', [[0.7, -1.2], [-0.5, 0.3], [1.1, 0.6]], [0.05, -0.3, 0.2], h);
  return g.build(g.softmax('loss', scores, g.target('y', targetClass)));
}
