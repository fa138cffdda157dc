import type { OptimiserKind } from '../../nn/optimisers';
import type { CompiledTrainer } from '../compiled/Trainer';
import { scheduledRate } from '../compiled/schedule';

/** How many parameters the panel shows when none is selected. */
export const TOP_COUNT = 10;

/** One parameter's row of the optimiser panel. */
export interface OptimiserRow {
  /** The parameter's index in the compiled program (paramRefs). */
  index: number;
  data: number;
  grad: number;
  /** The velocity (momentum) or Adam's m; NaN for plain SGD, which keeps nothing. */
  m: number;
  /** Adam's √v; NaN for SGD and momentum. */
  sqrtV: number;
  /** The next update at the current rate: −lr·g, −lr·v, or −lr·m̂/(√v̂ + ε). */
  step: number;
}

/** What the optimiser panel shows, as the worker sends it with each progress report. */
export interface OptimiserSnapshot {
  kind: OptimiserKind;
  /** Updates the optimiser has taken (Adam's t). */
  t: number;
  lr: number;
  /** True when these are the largest |grad|s, not a chosen parameter's. */
  top: boolean;
  rows: OptimiserRow[];
}

/**
 * The watched parameters' numbers (or the TOP_COUNT largest |grad|s): a few dozen numbers per
 * report, whatever the network's size, instead of the optimiser's whole state.
 */
export function optimiserSnapshot(trainer: CompiledTrainer, watched: readonly number[] | null): OptimiserSnapshot {
  const state = trainer.optimiser;
  const lr = scheduledRate(trainer.lr, trainer.schedule, trainer.steps);
  const count = trainer.params.length;
  const indices = watched ? watched.filter((i) => i >= 0 && i < count) : largestGrads(trainer.grads, TOP_COUNT);
  const rows = indices.map((index) => {
    const grad = trainer.grads[index]!;
    return { index, data: trainer.params[index]!, grad, ...state.view(index, lr, grad) };
  });
  return { kind: state.settings.kind, t: state.t, lr, top: watched === null, rows };
}

/** The indices of the `k` largest |g|, largest first (ties: the lower index). One pass, k small. */
export function largestGrads(grads: ArrayLike<number>, k: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < grads.length; i++) {
    const a = Math.abs(grads[i]!);
    if (best.length === k && !(a > Math.abs(grads[best[k - 1]!]!))) continue;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && a > Math.abs(grads[best[at - 1]!]!)) at--;
    best.splice(at, 0, i);
    if (best.length > k) best.pop();
  }
  return best;
}
