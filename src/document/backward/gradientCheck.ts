import { gradcheck } from '../../engine';
import { evaluate } from '../evaluate';
import type { GraphDoc } from '../types';

/** One leaf's gradient by backprop and by finite differences. */
export interface GradientCheckRow {
  id: string;
  autograd: number;
  /** (f(x + h) − f(x)) / h, the lecture's first estimate. */
  forward: number;
  /** (f(x + h) − f(x − h)) / 2h, much closer for the same h. */
  central: number;
  /** The central estimate agrees with autograd to `tolerance` (relative, floor 1). */
  agrees: boolean;
}

/**
 * For every leaf the output depends on: autograd from one fresh backward pass beside forward
 * and central finite differences with bump h. Works on a fresh evaluation, so nothing shown on
 * the canvas is touched. Empty when there is no output to differentiate.
 */
export function gradientCheck(doc: GraphDoc, h: number, tolerance = 1e-4): GradientCheckRow[] {
  const evaluation = evaluate(doc);
  const output = evaluation.output === null ? undefined : evaluation.values.get(evaluation.output);
  if (!output) return [];
  const ids = new Map<unknown, string>();
  for (const [id, v] of evaluation.values) ids.set(v, id);
  return gradcheck(output, { h, tolerance }).map((r) => ({
    id: ids.get(r.leaf)!,
    autograd: r.autograd,
    forward: r.forward,
    central: r.central,
    agrees: r.ok,
  }));
}
