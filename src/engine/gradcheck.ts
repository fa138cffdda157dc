import { backward, recompute, topoSort, zeroGrad } from './graph';
import type { Value } from './Value';

/** One leaf's gradient three ways. */
export interface LeafCheck {
  leaf: Value;
  /** The gradient from backpropagation. */
  autograd: number;
  /** (f(x + h) − f(x − h)) / 2h: error O(h²). */
  central: number;
  /** (f(x + h) − f(x)) / h, as the lecture first does it: error O(h). */
  forward: number;
  /** |autograd − central| / max(1, |autograd|, |central|). */
  error: number;
  /** error ≤ tolerance. */
  ok: boolean;
}

export interface GradcheckOptions {
  /** The bump. The default balances truncation error (h²) against rounding error (ε/h). */
  h?: number;
  /** The largest error still called agreement. */
  tolerance?: number;
  /** The leaves to check; by default every leaf root depends on. */
  leaves?: readonly Value[];
}

/**
 * Compares autograd with finite differences for `root` with respect to its leaves. Recomputes
 * the graph from its leaves and runs a fresh backward pass (grads zeroed first), then bumps each
 * leaf by ±h and recomputes the graph forward in place; every leaf's data is restored afterwards
 * and the graph holds the data for those leaves and the fresh grads.
 */
export function gradcheck(root: Value, options: GradcheckOptions = {}): LeafCheck[] {
  const h = options.h ?? 1e-6;
  const tolerance = options.tolerance ?? 1e-5;
  const order = topoSort(root);
  const leaves = options.leaves ?? order.filter((v) => v.op === null);
  // Bring the graph up to date first: a leaf may have been edited since it was built (the
  // lecture's `p.data += -lr * p.grad`), and backward reads the nodes' data.
  recompute(order);
  zeroGrad(root);
  backward(root);
  const f0 = root.data;
  const results: LeafCheck[] = [];
  for (const leaf of leaves) {
    const x = leaf.data;
    leaf.data = x + h;
    recompute(order);
    const fPlus = root.data;
    leaf.data = x - h;
    recompute(order);
    const fMinus = root.data;
    leaf.data = x;
    const central = (fPlus - fMinus) / (2 * h);
    const forward = (fPlus - f0) / h;
    const autograd = leaf.grad;
    const error = Math.abs(autograd - central) / Math.max(1, Math.abs(autograd), Math.abs(central));
    results.push({ leaf, autograd, central, forward, error, ok: error <= tolerance });
  }
  recompute(order);
  return results;
}
