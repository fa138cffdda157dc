import type { Value } from '../engine';
import type { OptimiserSettings } from './optimisers';

/** The learning rate to use at step k (0-based). */
export type Schedule = (k: number) => number;

/** The same learning rate at every step. */
export function constantSchedule(lr: number): Schedule {
  return () => lr;
}

/**
 * micrograd's demo schedule, lr0 · (1.0 − 0.9·k/steps): from lr0 down to a tenth of it. With
 * lr0 = 1 it is exactly micrograd's `1.0 - 0.9*k/100` for 100 steps.
 */
export function linearDecaySchedule(lr0: number, steps: number): Schedule {
  return (k) => lr0 * (1.0 - (0.9 * k) / steps);
}

/** One step of gradient descent: p.data −= lr · p.grad, micrograd's update. */
export function sgdStep(parameters: readonly Value[], lr: number): void {
  for (const p of parameters) p.data -= lr * p.grad;
}

/**
 * torch.optim for Values, written plainly as the reference: SGD, momentum, Adam or AdamW over
 * a fixed list of parameters, each with its own state. The compiled trainer's OptimiserState
 * does the same over typed arrays; tests hold the two to each other and to PyTorch.
 */
export class ValueOptimiser {
  /** Per parameter: the velocity (momentum) or Adam's m and v. */
  readonly slots: { m: number; v: number }[];
  /** Updates taken (Adam's t). */
  t = 0;

  constructor(
    private readonly parameters: readonly Value[],
    readonly settings: OptimiserSettings,
  ) {
    this.slots = parameters.map(() => ({ m: 0, v: 0 }));
  }

  /** One update from the parameters' current grads at rate `lr`. */
  step(lr: number): void {
    const s = this.settings;
    this.t++;
    this.parameters.forEach((p, i) => {
      const slot = this.slots[i]!;
      const g = p.grad;
      if (s.kind === 'sgd') {
        p.data -= lr * g;
      } else if (s.kind === 'momentum') {
        // v = μ·v + g (the first step: v = g), then p −= lr·v
        slot.m = this.t === 1 ? g : slot.m * s.momentum + g;
        p.data -= lr * slot.m;
      } else {
        if (s.kind === 'adamw') p.data *= 1 - lr * s.weightDecay; // decoupled decay, before the moments
        slot.m = slot.m * s.beta1 + (1 - s.beta1) * g;
        slot.v = slot.v * s.beta2 + (1 - s.beta2) * g * g;
        // −lr·m̂/(√v̂ + ε) with m̂ = m/(1 − β1^t), √v̂ = √v/√(1 − β2^t), grouped as torch groups it
        const stepSize = lr / (1 - s.beta1 ** this.t);
        p.data += (-stepSize * slot.m) / (Math.sqrt(slot.v) / Math.sqrt(1 - s.beta2 ** this.t) + s.eps);
      }
    });
  }
}
