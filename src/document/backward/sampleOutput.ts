import { recompute, topoSort } from '../../engine';
import { evaluate } from '../evaluate';
import type { GraphDoc } from '../types';

/** The output as a function of one leaf, sampled, with the slope there. */
interface FunctionSamples {
  /** The leaf's value now. */
  x0: number;
  /** The output now. */
  y0: number;
  /** d(output)/d(leaf) from backprop: the tangent's slope. */
  slope: number;
  xs: number[];
  ys: number[];
  /** (f(x0 + h) − f(x0)) / h: the lecture's bump estimate of the slope. */
  bumpSlope: number;
}

/**
 * Samples the output while one leaf sweeps [x0 − span, x0 + span], other leaves held, by
 * recomputing the graph forward in place on a fresh evaluation (no document edits). Null when
 * the node is not a leaf the output depends on.
 */
export function sampleOutput(doc: GraphDoc, leafId: string, span: number, h: number, count = 201): FunctionSamples | null {
  const evaluation = evaluate(doc);
  const out = evaluation.output === null ? undefined : evaluation.values.get(evaluation.output);
  const leaf = evaluation.values.get(leafId);
  if (!out || !leaf || leaf.op !== null) return null;
  const order = topoSort(out);
  if (!order.includes(leaf)) return null;
  const x0 = leaf.data;
  const y0 = out.data;
  const slope = leaf.grad;
  const at = (x: number): number => {
    leaf.data = x;
    recompute(order);
    return out.data;
  };
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < count; i++) {
    const x = x0 - span + (2 * span * i) / (count - 1);
    xs.push(x);
    ys.push(at(x));
  }
  const bumpSlope = (at(x0 + h) - y0) / h;
  at(x0);
  return { x0, y0, slope, xs, ys, bumpSlope };
}
