import { topoSort, type Value } from '../../engine';
import type { Evaluation } from '../evaluate';
import { incomingWires } from '../graph';
import { inputPorts, outputKey, outputPorts } from '../ports';
import type { GraphDoc } from '../types';

/**
 * The backward pass as a sequence a person can watch: one *arrival* per gradient contribution,
 * in the order micrograd adds them. Values are visited in reverse topological order (the output
 * first); when a value's turn comes, every node that uses it has its final grad, so each use
 * sends one contribution, local derivative × the user's grad, and they add up (+=).
 *
 * Everything is keyed by *output key*: a node's id, or `id:port` for one output of a layer.
 */

/** One contribution landing on a value's grad. */
export interface Arrival {
  /** The node whose grad grows, and which of its outputs (the key). */
  node: string;
  key: string;
  /** The node that uses it and passes gradient back; null for the seed dL/dL = 1. */
  from: string | null;
  /** The input port of `from` it feeds. */
  port: string | null;
  /** The wire it travels back along. */
  wireId: string | null;
  /** d(from)/d(this value): the local derivative; 1 for the seed. */
  local: number;
  /**
   * d(output)/d(from): the user's grad, already final. For a layer, which has several outputs,
   * the contribution is a sum over them: then `upstream` is 1 and `local` is the whole sum.
   */
  upstream: number;
  /** local × upstream: what is added. */
  amount: number;
  /** The value's shown grad before and after this arrival (leaves start from earlier passes). */
  before: number;
  after: number;
}

/** One value's turn: it receives every contribution from the nodes that use it. */
export interface BackwardStep {
  node: string;
  key: string;
  /** Indexes into `arrivals` of this step's contributions. */
  first: number;
  count: number;
  /** The grad once the step is done. */
  grad: number;
}

export interface BackwardSchedule {
  output: string;
  steps: BackwardStep[];
  arrivals: Arrival[];
  /** Position of each node in the backward order, 1 for the output: the badges. */
  rank: ReadonlyMap<string, number>;
  /** Grad of each output key in the schedule after the pass. */
  final: ReadonlyMap<string, number>;
  /** For each output key, the indexes of its arrivals, ascending. */
  arrivalsOf: ReadonlyMap<string, readonly number[]>;
  /** Each node's last step (a layer has one step per output). */
  stepOf: ReadonlyMap<string, BackwardStep>;
}

/**
 * Builds the schedule of one backward pass from the evaluation's Values. `base` holds the grads
 * leaves already have (micrograd's += when grads were not zeroed); other values start at 0, as
 * a training loop's fresh forward pass builds them anew. Returns null when there is no output.
 */
export function backwardSchedule(doc: GraphDoc, evaluation: Evaluation, base: Readonly<Record<string, number>> = {}): BackwardSchedule | null {
  const output = evaluation.output;
  const rootKey = evaluation.outputKey;
  const root = rootKey === null ? undefined : evaluation.values.get(rootKey);
  if (output === null || rootKey === null || root === undefined) return null;

  const keyOf = new Map<Value, string>();
  for (const [key, v] of evaluation.values) keyOf.set(v, key);
  const nodeOfKey = (key: string) => key.split(':')[0]!;
  // micrograd's order: reversed depth-first post-order from the output; Values inside a
  // neuron, a layer or a loss node have no key of their own and are passed over.
  const order: string[] = [];
  for (const v of topoSort(root).reverse()) {
    const key = keyOf.get(v);
    if (key !== undefined) order.push(key);
  }
  const position = new Map(order.map((key, i) => [key, i]));

  // Who uses each value, through which port, in the order the engine propagates: users by
  // their backward position, then port order. Same additions in the same order, same digits.
  const incoming = incomingWires(doc);
  const uses = new Map<string, { from: string; port: string; portIndex: number; wireId: string }[]>();
  const users = [...new Set(order.map(nodeOfKey))].sort((a, b) => lastPosition(a) - lastPosition(b));
  function lastPosition(id: string): number {
    const node = doc.nodes[id];
    if (!node) return -1;
    return Math.max(...outputPorts(node).map((p) => position.get(outputKey(id, p)) ?? -1));
  }
  for (const from of users) {
    const node = doc.nodes[from]!;
    inputPorts(node).forEach((port, portIndex) => {
      const w = incoming.get(from)?.get(port);
      if (!w) return;
      const key = outputKey(w.source, w.from);
      const list = uses.get(key) ?? [];
      list.push({ from, port, portIndex, wireId: w.id });
      uses.set(key, list);
    });
  }

  const grads = new Map<string, number>();
  const arrivals: Arrival[] = [];
  const steps: BackwardStep[] = [];
  for (const key of order) {
    const node = nodeOfKey(key);
    const first = arrivals.length;
    const start = base[key] ?? 0;
    let grad = start;
    if (key === rootKey) {
      // micrograd's `self.grad = 1`: the seed sets, it does not add.
      arrivals.push({ node, key, from: null, port: null, wireId: null, local: 1, upstream: 1, amount: 1, before: start, after: 1 });
      grad = 1;
    } else {
      for (const use of uses.get(key) ?? []) {
        const { local, upstream } = contribution(doc, evaluation, grads, use.from, use.portIndex);
        const amount = local * upstream;
        const before = grad;
        grad = before + amount;
        arrivals.push({ node, key, from: use.from, port: use.port, wireId: use.wireId, local, upstream, amount, before, after: grad });
      }
    }
    grads.set(key, grad);
    steps.push({ node, key, first, count: arrivals.length - first, grad });
  }

  const rank = new Map<string, number>();
  for (const step of steps) if (!rank.has(step.node)) rank.set(step.node, rank.size + 1);
  const arrivalsOf = new Map<string, number[]>();
  arrivals.forEach((a, i) => {
    const list = arrivalsOf.get(a.key);
    if (list) list.push(i);
    else arrivalsOf.set(a.key, [i]);
  });
  const stepOf = new Map(steps.map((step) => [step.node, step]));
  return { output, steps, arrivals, rank, final: grads, arrivalsOf, stepOf };
}

/**
 * What a user node passes back through one input: for an op, its registry local derivative
 * times its grad (exactly the engine's arithmetic); for a neuron, a layer or a loss node, the
 * derivative through the Values inside it, summed over its outputs.
 */
function contribution(doc: GraphDoc, evaluation: Evaluation, grads: ReadonlyMap<string, number>, from: string, portIndex: number): { local: number; upstream: number } {
  const node = doc.nodes[from]!;
  const port = inputPorts(node)[portIndex]!;
  const wire = incomingWires(doc).get(from)!.get(port)!;
  const input = evaluation.values.get(outputKey(wire.source, wire.from))!;
  if (node.kind === 'op') {
    const user = evaluation.values.get(from)!;
    const b = user.b;
    return { local: user.op!.local(portIndex as 0 | 1, user.a!.data, b === null ? 0 : b.data, user.data, user.k), upstream: grads.get(from)! };
  }
  const ports = outputPorts(node);
  if (ports.length === 1) {
    return { local: throughInside(evaluation.values.get(from)!, input), upstream: grads.get(from)! };
  }
  let sum = 0;
  for (const port of ports) {
    const key = outputKey(from, port);
    sum += (grads.get(key) ?? 0) * throughInside(evaluation.values.get(key)!, input);
  }
  return { local: sum, upstream: 1 };
}

/**
 * d(out)/d(input) through the Values inside one composite node, without touching any Value's
 * grad. The walk stops at `input` and at leaves (the node's own weights), so it stays inside.
 */
function throughInside(out: Value, input: Value): number {
  const order: Value[] = [];
  const seen = new Set<Value>();
  const stack: { v: Value; expanded: boolean }[] = [{ v: out, expanded: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.expanded) {
      order.push(top.v);
      continue;
    }
    if (seen.has(top.v)) continue;
    seen.add(top.v);
    stack.push({ v: top.v, expanded: true });
    if (top.v === input) continue;
    for (const child of top.v.inputs) if (!seen.has(child)) stack.push({ v: child, expanded: false });
  }
  const g = new Map<Value, number>([[out, 1]]);
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i]!;
    const gv = g.get(v);
    if (gv === undefined || v === input || v.op === null || v.a === null) continue;
    const bData = v.b === null ? 0 : v.b.data;
    g.set(v.a, (g.get(v.a) ?? 0) + v.op.local(0, v.a.data, bData, v.data, v.k) * gv);
    if (v.b !== null) g.set(v.b, (g.get(v.b) ?? 0) + v.op.local(1, v.a.data, bData, v.data, v.k) * gv);
  }
  return g.get(input) ?? 0;
}

/** The grad a value shows once `delivered` arrivals have landed, or undefined if none has yet. */
export function gradAfter(schedule: BackwardSchedule, key: string, delivered: number): number | undefined {
  const indexes = schedule.arrivalsOf.get(key);
  if (!indexes) return undefined;
  let last: number | undefined;
  for (const i of indexes) {
    if (i >= delivered) break;
    last = i;
  }
  return last === undefined ? undefined : schedule.arrivals[last]!.after;
}
