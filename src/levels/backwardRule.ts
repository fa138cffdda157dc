import { topoSort, type Value } from '../engine';
import { idLabelled } from './graphFacts';
import type { Evaluated } from './types';

/**
 * How a backward closure writes an input's grad: micrograd's first, buggy `self.grad = …`,
 * which keeps only the last contribution, or the fixed `self.grad += …`, which adds them all.
 */
export type AccumulateRule = 'assign' | 'accumulate';

/**
 * d(output)/d(node labelled `label`) from a backward pass that writes grads by `rule`: the
 * engine's Values, its topological order and the op registry's local derivatives, with only
 * the write changed. NaN when there is no such node or no output.
 */
export function gradWithRule(e: Evaluated, label: string, rule: AccumulateRule): number {
  const id = idLabelled(e.doc, label);
  const root = e.evaluation.outputKey === null ? undefined : e.evaluation.values.get(e.evaluation.outputKey);
  const target = id === null ? undefined : e.evaluation.values.get(id);
  if (!root || !target) return NaN;
  const order = topoSort(root);
  const grads = new Map<Value, number>(order.map((v) => [v, 0]));
  grads.set(root, 1);
  const write = (input: Value, contribution: number) => grads.set(input, rule === 'accumulate' ? grads.get(input)! + contribution : contribution);
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i]!;
    if (v.op === null || v.a === null) continue;
    const g = grads.get(v)!;
    const bData = v.b === null ? 0 : v.b.data;
    write(v.a, v.op.local(0, v.a.data, bData, v.data, v.k) * g);
    if (v.b !== null) write(v.b, v.op.local(1, v.a.data, bData, v.data, v.k) * g);
  }
  return grads.get(target) ?? 0;
}
