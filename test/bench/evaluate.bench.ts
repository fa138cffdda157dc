import { Value, type OpType, type Operand } from '../../src/engine';
import { updateNode } from '../../src/document/edit';
import { evaluate } from '../../src/document/evaluate';
import { sinks } from '../../src/document/graph';
import type { DocNode, GraphDoc, ValueNode, Wire } from '../../src/document/types';
import { measure, report, type BenchLine } from './measure';

/**
 * Issue: live evaluation. The playground re-evaluates the whole drawn graph on every edit, so
 * changing one leaf of a 1,000-node document (new document via updateNode, then evaluate) must
 * stay well inside a frame. Baseline: the same expression built directly with Value methods
 * and backward, i.e. what the engine alone costs.
 */

const LEAVES = 100;
const NODES = 1000;

/** mulberry32: the same document on every run. */
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

/** Mostly add, mul and tanh (values stay finite), a few of the other smooth ops. */
const MIX: [OpType, number][] = [
  ['add', 0.34],
  ['mul', 0.3],
  ['tanh', 0.24],
  ['sub', 0.06],
  ['sigmoid', 0.06],
];
const BINARY = new Set<OpType>(['add', 'mul', 'sub']);

interface Step {
  op: OpType;
  a: number;
  b: number;
}

/**
 * A wide and deep random DAG: each op reads, with probability `fold`, the oldest node nothing
 * reads yet (at 0.75 the graph folds into one sink and gets deep), otherwise any earlier node
 * (so it is wide and nodes are reused). At 0.5 about 90 nodes are left unread: many sinks.
 */
function plan(seed: number, fold: number): { leaves: number[]; steps: Step[] } {
  const r = rng(seed);
  const leaves = Array.from({ length: LEAVES }, () => r() * 2 - 1);
  const unread: number[] = leaves.map((_, i) => i);
  const steps: Step[] = [];
  const pickOp = (): OpType => {
    let u = r();
    for (const [op, w] of MIX) if ((u -= w) < 0) return op;
    return 'add';
  };
  const pickInput = (n: number): number => {
    if (unread.length > 0 && r() < fold) return unread.shift()!;
    const i = Math.floor(r() * n);
    const at = unread.indexOf(i);
    if (at >= 0) unread.splice(at, 1);
    return i;
  };
  for (let n = LEAVES; n < NODES; n++) {
    const op = pickOp();
    const a = pickInput(n);
    const b = BINARY.has(op) ? pickInput(n) : -1;
    steps.push({ op, a, b });
    unread.push(n);
  }
  return { leaves, steps };
}

function toDoc({ leaves, steps }: ReturnType<typeof plan>): GraphDoc {
  const nodes: Record<string, DocNode> = {};
  const wires: Record<string, Wire> = {};
  const ids: string[] = [];
  leaves.forEach((value, i) => {
    const id = crypto.randomUUID();
    ids.push(id);
    nodes[id] = { id, kind: 'value', label: `x${i}`, value, position: { x: 0, y: i * 60 } } satisfies ValueNode;
  });
  steps.forEach((s, j) => {
    const id = crypto.randomUUID();
    ids.push(id);
    nodes[id] = { id, kind: 'op', op: s.op, label: '', position: { x: 200 + (j % 30) * 150, y: Math.floor(j / 30) * 80 } };
    const inputs: [string, number][] = s.b < 0 ? [['x', s.a]] : [['a', s.a], ['b', s.b]];
    for (const [port, from] of inputs) {
      const wid = crypto.randomUUID();
      wires[wid] = { id: wid, source: ids[from]!, target: id, port };
    }
  });
  return { nodes, wires, output: null };
}

type Method = (this: Value, arg?: Operand) => Value;

/** The same expression with the engine directly: build every node, backward from the last. */
function direct({ leaves, steps }: ReturnType<typeof plan>, edited: number): number {
  const values: Value[] = leaves.map((x, i) => new Value(i === 0 ? edited : x));
  for (const s of steps) {
    const a = values[s.a]!;
    const method = (a as unknown as Record<string, Method>)[s.op]!;
    values.push(s.b < 0 ? method.call(a) : method.call(a, values[s.b]!));
  }
  const out = values[values.length - 1]!;
  out.backward();
  return out.data;
}

/** One document's leaf-edit loop, checked to evaluate cleanly first. */
function leafEdit(start: GraphDoc, markOutput: boolean): () => unknown {
  const first = evaluate(start);
  const bad = [...first.results.values()].filter((r) => r.error !== null || !Number.isFinite(r.passGrad));
  if (bad.length > 0 || first.output === null) throw new Error(`bench document does not evaluate cleanly (${bad.length} bad nodes)`);
  let doc: GraphDoc = markOutput ? { ...start, output: first.output } : start;
  const leafId = Object.keys(doc.nodes)[0]!;
  let k = 0;
  return () => {
    k = (k + 1) % 100;
    doc = updateNode(doc, leafId, { value: k / 100 - 0.5 });
    return evaluate(doc);
  };
}

export default async function evaluateBench(): Promise<BenchLine[]> {
  const deep = plan(7, 0.75);
  const deepDoc = toDoc(deep);
  const wideDoc = toDoc(plan(7, 0.5));
  const sinksOf = (doc: GraphDoc) => sinks(doc).length;

  let j = 0;
  const baseMs = await measure(() => direct(deep, (j = (j + 1) % 100) / 100 - 0.5));
  const editMs = await measure(leafEdit(deepDoc, false));
  const markedMs = await measure(leafEdit(deepDoc, true));
  const wideMs = await measure(leafEdit(wideDoc, false));
  return report(`evaluate: edit one leaf of a ${NODES}-node document (${LEAVES} leaves, ${Object.keys(deepDoc.wires).length} wires), re-evaluate`, [
    { name: 'Value methods + backward (engine alone)', ms: baseMs, baseline: true },
    { name: `updateNode + evaluate(doc), ${sinksOf(deepDoc)} sink`, ms: editMs, note: 'goal ≤ 2 ms' },
    { name: '  same, output marked', ms: markedMs, note: 'skips the sink search' },
    { name: `  same, ${sinksOf(wideDoc)} sinks, output unmarked`, ms: wideMs, note: 'the output is found in one pass over the graph' },
  ]);
}
