import type { TrainingSetup } from '../document/types';
import { DEFAULT_OPTIMISER, type OptimiserSettings } from '../nn/optimisers';
import type { TrainerOptions } from './compiled/Trainer';

/** The optimiser a setup trains with: plain SGD for documents saved before optimisers. */
export function optimiserOf(setup: TrainingSetup): OptimiserSettings {
  return setup.optimiser ?? DEFAULT_OPTIMISER;
}

/** A trainer set up as the Train panel sets it up: rate, L2, batch, schedule, batch seed and optimiser. */
export function trainerOptionsOf(setup: TrainingSetup): TrainerOptions {
  return {
    lr: setup.lr,
    alpha: setup.alpha,
    batchSize: setup.batchSize,
    schedule: setup.schedule === 'linear' ? { kind: 'linear-decay', steps: setup.decaySteps } : { kind: 'constant' },
    seed: setup.initSeed,
    optimiser: optimiserOf(setup),
  };
}
