/**
 * How the learning rate changes over training: constant, or micrograd's demo decay
 * lr0 · (1 − 0.9·k/steps), which falls from lr0 to a tenth of it over `steps` steps.
 */
export type Schedule = { kind: 'constant' } | { kind: 'linear-decay'; steps: number };

/**
 * The learning rate for step k (0-based) from the base rate `lr`. The decay is the formula of
 * src/nn's linearDecaySchedule, digit for digit; past `steps` it stays at lr0 / 10 instead of
 * going negative.
 */
export function scheduledRate(lr: number, schedule: Schedule, k: number): number {
  if (schedule.kind === 'constant') return lr;
  const steps = schedule.steps;
  return lr * (1.0 - (0.9 * Math.min(k, steps)) / steps);
}
