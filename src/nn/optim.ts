import type { Value } from '../engine';

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
