import type { Value } from './Value';

/**
 * Walks over a Value graph. Everything here is iterative, so a chain 100,000 ops deep works
 * (micrograd's recursive `build_topo` hits Python's recursion limit near 1,000 nodes deep).
 * Visited nodes are stamped with a fresh epoch number instead of collected in a Set: no
 * allocation per node and no hashing.
 */
let epoch = 0;

/**
 * All Values `root` depends on, inputs before the nodes that use them, `root` last: the order
 * of micrograd's `build_topo` (depth first, first input first).
 */
export function topoSort(root: Value): Value[] {
  const stamp = ++epoch;
  const order: Value[] = [];
  const stack: Value[] = [root];
  root._mark = stamp;
  while (stack.length > 0) {
    const v = stack[stack.length - 1]!;
    const a = v.a;
    if (a !== null && a._mark !== stamp) {
      a._mark = stamp;
      stack.push(a);
      continue;
    }
    const b = v.b;
    if (b !== null && b._mark !== stamp) {
      b._mark = stamp;
      stack.push(b);
      continue;
    }
    // Both inputs are done (in a DAG a stamped input is never still on the stack), so v is too.
    stack.pop();
    order.push(v);
  }
  return order;
}

/**
 * Adds v's contribution to its inputs' grads: local derivative times v.grad, with `+=` so a
 * Value used twice receives both contributions (the lecture's `a + a` bug, fixed).
 */
export function propagate(v: Value): void {
  const op = v.op;
  const a = v.a;
  if (op === null || a === null) return;
  const g = v.grad;
  const b = v.b;
  const bData = b === null ? 0 : b.data;
  a.grad += op.local(0, a.data, bData, v.data, v.k) * g;
  if (b !== null) b.grad += op.local(1, a.data, bData, v.data, v.k) * g;
}

/** micrograd's `backward()`: grad of root := 1, then propagate in reverse topological order. */
export function backward(root: Value): void {
  const order = topoSort(root);
  root.grad = 1;
  for (let i = order.length - 1; i >= 0; i--) propagate(order[i]!);
}

/** Sets the grad of root and everything it depends on to 0 (micrograd's `zero_grad`). */
export function zeroGrad(root: Value): void {
  for (const v of topoSort(root)) v.grad = 0;
}

/**
 * Recomputes every node's data from its inputs, in topological order, after leaves changed.
 * Lets gradcheck and the playground nudge a leaf without rebuilding the graph.
 */
export function recompute(order: readonly Value[]): void {
  for (const v of order) {
    const op = v.op;
    const a = v.a;
    if (op === null || a === null) continue;
    v.data = op.forward(a.data, v.b === null ? 0 : v.b.data, v.k);
  }
}

/** The leaves (Values with no op) that root depends on, in topological order. */
export function leavesOf(root: Value): Value[] {
  return topoSort(root).filter((v) => v.op === null);
}
