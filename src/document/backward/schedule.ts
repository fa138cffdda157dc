import { topoSort, type Value } from '../../engine';
import type { Evaluation } from '../evaluate';
import { incomingWires } from '../graph';
import { inputPorts } from '../ports';
import type { GraphDoc } from '../types';

/**
 * The backward pass as a sequence a person can watch: one *arrival* per gradient contribution,
 * in the order micrograd adds them. Nodes are visited in reverse topological order (the
 * output first); when a node's turn comes, every node that uses it has its final grad, so each
 * use sends one contribution, local derivative × the user's grad, and they add up (+=).
 */

/** One contribution landing on a node's grad. */
export interface Arrival {
  /** The node whose grad grows. */
  node: string;
  /** The node that uses `node` and passes gradient back to it; null for the seed dL/dL = 1. */
  from: string | null;
  /** The input port of `from` that `node` feeds. */
  port: string | null;
  /** The wire it travels back along. */
  wireId: string | null;
  /** d(from)/d(node): the op's local derivative at this point; 1 for the seed. */
  local: number;
  /** d(output)/d(from): the user's grad, already final. */
  upstream: number;
  /** local × upstream: what is added. */
  amount: number;
  /** The node's shown grad before and after this arrival (leaves start from earlier passes). */
  before: number;
  after: number;
}

/** One node's turn: it receives every contribution from the nodes that use it. */
export interface BackwardStep {
  node: string;
  /** Indexes into `arrivals` of this step's contributions. */
  first: number;
  count: number;
  /** The node's grad once the step is done. */
  grad: number;
}

export interface BackwardSchedule {
  output: string;
  steps: BackwardStep[];
  arrivals: Arrival[];
  /** Position of each node in the backward order, 1 for the output: the badges. */
  rank: ReadonlyMap<string, number>;
  /** Grad of each node in the schedule after the pass. */
  final: ReadonlyMap<string, number>;
  /** For each node, the indexes of its arrivals, ascending. */
  arrivalsOf: ReadonlyMap<string, readonly number[]>;
  /** Each node's step. */
  stepOf: ReadonlyMap<string, BackwardStep>;
}

/**
 * Builds the schedule of one backward pass from the evaluation's Values. `base` holds the grads
 * leaves already have (micrograd's += when grads were not zeroed); other nodes start at 0, as
 * a training loop's fresh forward pass builds them anew. Returns null when there is no output.
 */
export function backwardSchedule(doc: GraphDoc, evaluation: Evaluation, base: Readonly<Record<string, number>> = {}): BackwardSchedule | null {
  const output = evaluation.output;
  const root = output === null ? undefined : evaluation.values.get(output);
  if (output === null || root === undefined) return null;

  const idOf = new Map<Value, string>();
  for (const [id, v] of evaluation.values) idOf.set(v, id);
  // micrograd's order: reversed depth-first post-order from the output.
  const order = topoSort(root)
    .reverse()
    .map((v) => idOf.get(v)!);
  const rank = new Map(order.map((id, i) => [id, i + 1]));

  // Who uses each node, through which port, in the order the engine propagates: users by
  // their backward rank, then port order. Same additions in the same order, same digits.
  const incoming = incomingWires(doc);
  const uses = new Map<string, { from: string; port: string; portIndex: number; wireId: string }[]>();
  for (const from of order) {
    const node = doc.nodes[from]!;
    inputPorts(node).forEach((port, portIndex) => {
      const w = incoming.get(from)?.get(port);
      if (!w) return;
      const list = uses.get(w.source) ?? [];
      list.push({ from, port, portIndex, wireId: w.id });
      uses.set(w.source, list);
    });
  }

  const grads = new Map<string, number>();
  const arrivals: Arrival[] = [];
  const steps: BackwardStep[] = [];
  for (const id of order) {
    const first = arrivals.length;
    const start = base[id] ?? 0;
    let grad = start;
    if (id === output) {
      // micrograd's `self.grad = 1`: the seed sets, it does not add.
      arrivals.push({ node: id, from: null, port: null, wireId: null, local: 1, upstream: 1, amount: 1, before: start, after: 1 });
      grad = 1;
    } else {
      for (const use of uses.get(id) ?? []) {
        const user = evaluation.values.get(use.from)!;
        const op = user.op!;
        const a = user.a!;
        const b = user.b;
        const local = op.local(use.portIndex as 0 | 1, a.data, b === null ? 0 : b.data, user.data, user.k);
        const upstream = grads.get(use.from)!;
        const amount = local * upstream;
        const before = grad;
        grad = before + amount;
        arrivals.push({ node: id, from: use.from, port: use.port, wireId: use.wireId, local, upstream, amount, before, after: grad });
      }
    }
    grads.set(id, grad);
    steps.push({ node: id, first, count: arrivals.length - first, grad });
  }
  const arrivalsOf = new Map<string, number[]>();
  arrivals.forEach((a, i) => {
    const list = arrivalsOf.get(a.node);
    if (list) list.push(i);
    else arrivalsOf.set(a.node, [i]);
  });
  const stepOf = new Map(steps.map((step) => [step.node, step]));
  return { output, steps, arrivals, rank, final: grads, arrivalsOf, stepOf };
}

/** The grad a node shows once `delivered` arrivals have landed, or undefined if none has yet. */
export function gradAfter(schedule: BackwardSchedule, node: string, delivered: number): number | undefined {
  const indexes = schedule.arrivalsOf.get(node);
  if (!indexes) return undefined;
  let last: number | undefined;
  for (const i of indexes) {
    if (i >= delivered) break;
    last = i;
  }
  return last === undefined ? undefined : schedule.arrivals[last]!.after;
}
