/**
 * Which optimiser updates the parameters, and its settings, with PyTorch's meaning and defaults
 * (torch.optim.SGD, Adam, AdamW), so an exported program builds the same one.
 */
export type OptimiserKind = 'sgd' | 'momentum' | 'adam' | 'adamw';

export interface OptimiserSettings {
  kind: OptimiserKind;
  /** SGD with momentum: v = μ·v + g. */
  momentum: number;
  /** Adam: the decay of the mean of the gradients (m). */
  beta1: number;
  /** Adam: the decay of the mean of the squared gradients (v). */
  beta2: number;
  /** Adam: added to √v̂ so a parameter that never moved does not divide by zero. */
  eps: number;
  /** AdamW: decoupled weight decay, p −= lr·wd·p before the Adam step. */
  weightDecay: number;
}

/** Plain SGD, micrograd's update; the other fields hold PyTorch's defaults for when the person switches. */
export const DEFAULT_OPTIMISER: OptimiserSettings = { kind: 'sgd', momentum: 0.9, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01 };

export const OPTIMISER_KINDS: readonly { kind: OptimiserKind; label: string }[] = [
  { kind: 'sgd', label: 'SGD' },
  { kind: 'momentum', label: 'SGD + momentum' },
  { kind: 'adam', label: 'Adam' },
  { kind: 'adamw', label: 'AdamW' },
];

export type OptimiserField = Exclude<keyof OptimiserSettings, 'kind'>;

/** The fields each optimiser reads: the ones its settings show. */
export const FIELDS_OF: Record<OptimiserKind, readonly OptimiserField[]> = {
  sgd: [],
  momentum: ['momentum'],
  adam: ['beta1', 'beta2', 'eps'],
  adamw: ['beta1', 'beta2', 'eps', 'weightDecay'],
};

/** Why `value` cannot be this field, or null when it can. The same rule guards files and the Train panel. */
export function whyBadOptimiserValue(field: OptimiserField, value: number): string | null {
  if (!Number.isFinite(value)) return 'must be a number';
  switch (field) {
    case 'momentum':
      return value < 0 ? 'must be 0 or more' : value >= 1 ? 'must be below 1, or the velocity grows without end' : null;
    case 'beta1':
    case 'beta2':
      if (value < 0) return 'must be 0 or more';
      return value >= 1 ? 'must be below 1: the bias correction 1 − β^t would be 0, a division by zero' : null;
    case 'eps':
      return value <= 0 ? 'must be above 0, or a parameter whose gradient is 0 divides by zero' : null;
    case 'weightDecay':
      return value < 0 ? 'must be 0 or more: a negative decay grows the weights' : null;
  }
}
