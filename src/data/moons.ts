import { checkOptions } from './checkOptions';
import { linspace } from './linspace';
import { createRng } from './random';
import { shuffleAndJitter } from './shuffleAndJitter';
import type { Dataset, GeneratorOptions, Label } from './types';

/**
 * Two interleaving half circles, built exactly as scikit-learn's `make_moons` (the dataset of
 * micrograd's demo notebook), so a learner's results compare with the notebook's: the outer
 * moon (label -1, sklearn's 0) is the upper unit half circle, the inner moon (label +1) is the
 * lower half circle centred at (1, 0.5). The outer moon gets floor(n/2) points.
 */
export function makeMoons(options: GeneratorOptions): Dataset {
  checkOptions('moons', options);
  const { n, noise, seed } = options;
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const x: number[][] = [];
  const y: Label[] = [];
  for (const t of linspace(0, Math.PI, nOut)) {
    x.push([Math.cos(t), Math.sin(t)]);
    y.push(-1);
  }
  for (const t of linspace(0, Math.PI, nIn)) {
    // Same operation order as sklearn's `1 - sin(t) - 0.5`, for bit-identical points.
    x.push([1 - Math.cos(t), 1 - Math.sin(t) - 0.5]);
    y.push(1);
  }
  return shuffleAndJitter('moons', x, y, createRng(seed), noise);
}
