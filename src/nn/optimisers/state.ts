import type { OptimiserSettings } from './settings';

/**
 * The optimiser's memory per parameter and the update, over plain arrays, with PyTorch 1.13's
 * arithmetic in its order (torch.optim's single-tensor loops), so the compiled trainer, the Value
 * engine and an exported torch program step alike. Allocates nothing per step.
 */
export class OptimiserState {
  /** Momentum's velocity, or Adam's first moment m. */
  readonly m: Float64Array;
  /** Adam's second moment v (the mean of g²). */
  readonly v: Float64Array;
  /** Updates taken: Adam's t for the bias correction. */
  t = 0;
  /**
   * The rate of the next update. A field rather than an argument: passing a double to a call
   * that is not inlined boxes it, and the trainer's step must allocate nothing. Starts
   * fractional so V8 stores it as a double in place.
   */
  lr = 0.5;

  constructor(
    /** May be replaced by settings of the same kind mid-run: the moments carry on. */
    public settings: OptimiserSettings,
    count: number,
  ) {
    this.m = new Float64Array(count);
    this.v = new Float64Array(count);
  }

  /** One update of `params` in place from `grads` at rate `this.lr`. */
  step(params: Float64Array, grads: Float64Array): void {
    const { m, v, lr } = this;
    const s = this.settings;
    const n = m.length;
    this.t++;
    switch (s.kind) {
      case 'sgd':
        for (let i = 0; i < n; i++) params[i] = params[i]! - lr * grads[i]!;
        return;
      case 'momentum': {
        // torch.optim.SGD: buf = g on the first step, then buf·μ + g; p −= lr·buf.
        const mu = s.momentum;
        for (let i = 0; i < n; i++) {
          const vel = this.t === 1 ? grads[i]! : m[i]! * mu + grads[i]!;
          m[i] = vel;
          params[i] = params[i]! - lr * vel;
        }
        return;
      }
      case 'adam':
      case 'adamw': {
        const { beta1, beta2, eps } = s;
        const decay = s.kind === 'adamw' ? 1 - lr * s.weightDecay : 1;
        const stepSize = lr / (1 - beta1 ** this.t);
        const correction2 = Math.sqrt(1 - beta2 ** this.t);
        for (let i = 0; i < n; i++) {
          const g = grads[i]!;
          // AdamW decays the parameter before the moments (torch: param.mul_(1 − lr·wd)).
          if (decay !== 1) params[i] = params[i]! * decay;
          const mi = m[i]! * beta1 + (1 - beta1) * g;
          const vi = v[i]! * beta2 + (1 - beta2) * g * g;
          m[i] = mi;
          v[i] = vi;
          params[i] = params[i]! + (-stepSize * mi) / (Math.sqrt(vi) / correction2 + eps);
        }
        return;
      }
    }
  }

  /**
   * What the optimiser holds for parameter i, for the optimiser panel: the velocity, or Adam's
   * m, √v and the step −lr·m̂/(√v̂ + ε) at rate `lr` (plain SGD: −lr·grad).
   */
  view(i: number, lr: number, grad: number): { m: number; sqrtV: number; step: number } {
    const s = this.settings;
    const t = Math.max(1, this.t);
    if (s.kind === 'sgd') return { m: NaN, sqrtV: NaN, step: -lr * grad };
    if (s.kind === 'momentum') return { m: this.m[i]!, sqrtV: NaN, step: -lr * this.m[i]! };
    const mHat = this.m[i]! / (1 - s.beta1 ** t);
    const vHat = this.v[i]! / (1 - s.beta2 ** t);
    return { m: this.m[i]!, sqrtV: Math.sqrt(this.v[i]!), step: (-lr * mHat) / (Math.sqrt(vHat) + s.eps) };
  }
}
